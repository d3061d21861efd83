-- carts: one per visitor session or per buyer
create table cart (
    id         uuid primary key,
    owner_id   uuid unique references account (id) on delete cascade,
    created_at timestamptz not null,
    updated_at timestamptz not null
);
create table cart_item (
    cart_id  uuid not null references cart (id) on delete cascade,
    kind     varchar(10) not null,
    ref_id   uuid not null,
    added_at timestamptz not null,
    primary key (cart_id, kind, ref_id)
);

-- seller bundles
create table bundle (
    id          uuid primary key,
    store_id    uuid not null references store (id),
    slug        varchar(100) not null unique,
    title       varchar(120) not null,
    description text not null default '',
    price_minor bigint not null check (price_minor >= 0),
    currency    varchar(3) not null,
    active      boolean not null default true,
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);
create table bundle_item (
    bundle_id   uuid not null references bundle (id) on delete cascade,
    workflow_id uuid not null references workflow (id),
    primary key (bundle_id, workflow_id)
);

-- orders
create table purchase_order (
    id              uuid primary key,
    number          bigserial unique,
    buyer_id        uuid not null references account (id),
    status          varchar(12) not null,
    currency        varchar(3) not null,
    subtotal_minor  bigint not null,
    discount_minor  bigint not null,
    total_minor     bigint not null,
    fee_minor       bigint not null,
    idempotency_key varchar(100) not null,
    payment_ref     varchar(120),
    failure_reason  varchar(300),
    created_at      timestamptz not null,
    paid_at         timestamptz,
    version         bigint not null default 0,
    unique (buyer_id, idempotency_key)
);
create index purchase_order_buyer_idx on purchase_order (buyer_id, created_at desc);

create table order_line (
    id            uuid primary key,
    order_id      uuid not null references purchase_order (id) on delete cascade,
    position      int not null,
    kind          varchar(10) not null,
    ref_id        uuid not null,
    title         varchar(200) not null,
    store_id      uuid not null references store (id),
    list_minor    bigint not null,
    net_minor     bigint not null,
    fee_minor     bigint not null,
    seller_minor  bigint not null,
    workflow_ids  text not null,
    status        varchar(12) not null,
    refunded_at   timestamptz
);
create index order_line_store_idx on order_line (store_id);

-- the money ledger: append-only, balances are sums
create table ledger_entry (
    id            bigserial primary key,
    occurred_at   timestamptz not null,
    order_id      uuid not null references purchase_order (id),
    order_line_id uuid references order_line (id),
    account_type  varchar(10) not null,
    account_id    uuid,
    entry_type    varchar(20) not null,
    amount_minor  bigint not null,
    currency      varchar(3) not null
);
create index ledger_entry_account_idx on ledger_entry (account_type, account_id);
create trigger ledger_entry_no_update before update or delete on ledger_entry
    for each row execute function audit_entry_append_only();

-- payments as the gateway reported them
create table payment_event (
    event_id    varchar(120) primary key,
    provider    varchar(20) not null,
    type        varchar(60) not null,
    received_at timestamptz not null
);

-- the built-in test processor's own records (what a real processor keeps on its side)
create table test_checkout (
    id              varchar(40) primary key,
    order_id        uuid not null unique,
    amount_minor    bigint not null,
    currency        varchar(3) not null,
    description     varchar(300) not null,
    success_url     varchar(500) not null,
    cancel_url      varchar(500) not null,
    status          varchar(12) not null,
    card_last4      varchar(4),
    refunded_minor  bigint not null default 0,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);

-- licences: who may download which workflow
create table entitlement (
    id            uuid primary key,
    buyer_id      uuid not null references account (id),
    workflow_id   uuid not null references workflow (id),
    order_line_id uuid not null references order_line (id),
    granted_at    timestamptz not null,
    revoked_at    timestamptz,
    unique (order_line_id, workflow_id)
);
create index entitlement_buyer_idx on entitlement (buyer_id, workflow_id) where revoked_at is null;

create table download (
    id                  bigserial primary key,
    buyer_id            uuid not null,
    workflow_id         uuid not null,
    workflow_version_id uuid not null,
    downloaded_at       timestamptz not null
);
create index download_workflow_idx on download (workflow_id);

-- reviews
create table review (
    id           uuid primary key,
    workflow_id  uuid not null references workflow (id),
    author_id    uuid not null references account (id),
    rating       int not null check (rating between 1 and 5),
    body         text not null,
    helpful_count int not null default 0,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    unique (workflow_id, author_id)
);
create table review_vote (
    review_id uuid not null references review (id) on delete cascade,
    voter_id  uuid not null references account (id),
    primary key (review_id, voter_id)
);
create table review_report (
    id          uuid primary key,
    review_id   uuid not null references review (id) on delete cascade,
    reporter_id uuid not null references account (id),
    reason      varchar(500) not null,
    created_at  timestamptz not null,
    unique (review_id, reporter_id)
);
