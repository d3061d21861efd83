-- Payouts (decision 29): the payout module's own tables. Ledger entries are read through commerce's API;
-- payout_item names the entries a payout pays, and the partial unique index pays each entry at most once.

create table payout_method (
    store_id        uuid primary key,
    account_holder  varchar(120) not null,
    account_number  varchar(34) not null,
    account_last4   varchar(4) not null,
    is_iban         boolean not null,
    updated_at      timestamptz not null
);

create table payout_batch (
    id               uuid primary key,
    created_at       timestamptz not null,
    created_by       uuid,
    created_by_label varchar(254),
    payable_before   timestamptz not null
);
create index payout_batch_created_idx on payout_batch (created_at desc);

create table payout (
    id              uuid primary key,
    batch_id        uuid not null references payout_batch (id),
    store_id        uuid not null,
    amount_minor    bigint not null check (amount_minor > 0),
    currency        varchar(3) not null,
    status          varchar(10) not null check (status in ('PENDING', 'SENT', 'FAILED')),
    provider        varchar(20) not null,
    account_holder  varchar(120) not null,
    account_number  varchar(34) not null,
    account_last4   varchar(4) not null,
    reference       varchar(120),
    created_at      timestamptz not null,
    settled_at      timestamptz,
    unique (batch_id, store_id, currency)
);
create index payout_store_idx on payout (store_id, created_at desc);

create table payout_item (
    payout_id        uuid not null references payout (id),
    ledger_entry_id  bigint not null,
    amount_minor     bigint not null,
    active           boolean not null default true,
    primary key (payout_id, ledger_entry_id)
);
-- a ledger entry is in at most one payout that is not failed: two batches can never pay the same money
create unique index payout_item_paid_once on payout_item (ledger_entry_id) where active;
