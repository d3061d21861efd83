-- a seller's sales export prepared in the background (long periods): claimed with FOR UPDATE SKIP LOCKED and leased
-- until next_attempt_at, so another node builds it again if the one building it dies; the file is kept a week
create table sales_export (
    id              uuid primary key,
    store_id        uuid not null references store (id) on delete cascade,
    format          varchar(4) not null check (format in ('csv', 'xlsx')),
    from_day        date not null,
    to_day          date not null,
    locale          varchar(10) not null,
    status          varchar(10) not null check (status in ('QUEUED', 'RUNNING', 'READY', 'EXPIRED', 'FAILED')),
    rows_done       bigint not null default 0,
    rows_total      bigint not null default 0,
    blob_key        varchar(200),
    size_bytes      bigint,
    attempts        int not null default 0,
    next_attempt_at timestamptz not null,
    requested_at    timestamptz not null,
    ready_at        timestamptz,
    expires_at      timestamptz,
    last_error      varchar(1000)
);
create index sales_export_store_idx on sales_export (store_id, requested_at desc);
create index sales_export_due_idx on sales_export (next_attempt_at) where status in ('QUEUED', 'RUNNING');
