-- Hibernate Search's outbox-polling coordination (used with an Elasticsearch/OpenSearch backend when
-- several application nodes run): entity changes are written to this outbox in the same transaction
-- and indexed by background processors shared out between the nodes registered as agents.
-- The tables are as Hibernate Search 8.2 maps them; unused with the default single-node Lucene index.
create table hsearch_agent (
    id                   uuid not null primary key,
    type                 varchar(255) not null check (type in ('EVENT_PROCESSING_DYNAMIC_SHARDING', 'EVENT_PROCESSING_STATIC_SHARDING', 'MASS_INDEXING')),
    name                 varchar(255) not null,
    expiration           timestamp(6) with time zone not null,
    state                varchar(255) not null check (state in ('RUNNING', 'WAITING', 'SUSPENDED')),
    total_shard_count    integer,
    assigned_shard_index integer,
    tenant_id            varchar(255),
    payload              bytea
);

create table hsearch_outbox_event (
    id             uuid not null primary key,
    entity_name    varchar(256) not null,
    entity_id      varchar(256) not null,
    entity_id_hash integer not null,
    payload        bytea not null,
    retries        integer not null,
    process_after  timestamp(6) with time zone not null,
    status         varchar(255) not null check (status in ('PENDING', 'ABORTED')),
    tenant_id      varchar(255)
);
create index hsearch_outbox_event_process_after_idx on hsearch_outbox_event (process_after);
