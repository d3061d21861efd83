-- Saved searches with e-mail alerts. Every change takes a new revision from the sequence, so each
-- application node can bring its in-memory matching index up to date by reading only what changed.
create sequence saved_search_revision;

create table saved_search (
    id                uuid primary key,
    account_id        uuid not null references account (id) on delete cascade,
    name              varchar(100) not null,
    query             varchar(200) not null,
    filters           varchar(400) not null default '',
    frequency         varchar(10) not null check (frequency in ('INSTANT', 'DAILY', 'WEEKLY')),
    active            boolean not null default true,
    deleted           boolean not null default false,
    unsubscribe_token varchar(64) not null unique,
    revision          bigint not null default nextval('saved_search_revision'),
    last_digest_at    timestamptz not null,
    created_at        timestamptz not null
);
create index saved_search_account_idx on saved_search (account_id) where not deleted;
create index saved_search_revision_idx on saved_search (revision);

-- one row per (saved search, listing): the primary key is what makes an alert go out at most once
create table saved_search_match (
    saved_search_id uuid not null references saved_search (id) on delete cascade,
    workflow_id     uuid not null references workflow (id) on delete cascade,
    reason          varchar(20) not null,
    matched_at      timestamptz not null,
    mailed_at       timestamptz,
    primary key (saved_search_id, workflow_id)
);
create index saved_search_match_unmailed_idx on saved_search_match (saved_search_id) where mailed_at is null;
