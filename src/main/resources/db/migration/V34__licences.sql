-- One licence per paid order line: the key a buyer quotes and a seller's tools verify.
create table licence (
    id            uuid primary key,
    licence_key   text not null unique,
    order_line_id uuid not null unique references order_line (id),
    buyer_id      uuid not null references account (id),
    store_id      uuid not null references store (id),
    title         text not null,
    tier          text not null default 'SINGLE' check (tier in ('SINGLE', 'TEAM', 'COMPANY')),
    purchased_at  timestamptz not null,
    revoked_at    timestamptz
);
create index licence_buyer_idx on licence (buyer_id, purchased_at desc);
create index licence_store_idx on licence (store_id);
