-- Prices in the visitor's currency, mixed-currency carts charged in the buyer's currency (decision 17).

-- the daily euro reference rates (units of the currency per euro); the newest day is in force
create table exchange_rate (
    rate_date  date not null,
    currency   varchar(3) not null check (currency ~ '^[A-Z]{3}$' and currency <> 'EUR'),
    per_euro   numeric(20, 8) not null check (per_euro > 0),
    source     varchar(20) not null,
    fetched_at timestamptz not null,
    primary key (rate_date, currency)
);

-- plausible rates to start with, so that prices can be shown in other currencies before the first fetch
-- (flowmarket.currency.source=ecb fetches the ECB's rates daily; with the default source these stay in force)
insert into exchange_rate (rate_date, currency, per_euro, source, fetched_at) values
    ('2026-11-20', 'USD', 1.15800, 'seed', now()),
    ('2026-11-20', 'JPY', 180.62, 'seed', now()),
    ('2026-11-20', 'GBP', 0.87950, 'seed', now()),
    ('2026-11-20', 'CHF', 0.93120, 'seed', now()),
    ('2026-11-20', 'CAD', 1.62640, 'seed', now()),
    ('2026-11-20', 'AUD', 1.78550, 'seed', now()),
    ('2026-11-20', 'NZD', 2.05200, 'seed', now()),
    ('2026-11-20', 'SEK', 10.96750, 'seed', now()),
    ('2026-11-20', 'NOK', 11.73900, 'seed', now()),
    ('2026-11-20', 'DKK', 7.46320, 'seed', now()),
    ('2026-11-20', 'PLN', 4.23850, 'seed', now()),
    ('2026-11-20', 'CZK', 24.20500, 'seed', now()),
    ('2026-11-20', 'HUF', 384.10, 'seed', now()),
    ('2026-11-20', 'SGD', 1.50950, 'seed', now()),
    ('2026-11-20', 'HKD', 9.01100, 'seed', now()),
    ('2026-11-20', 'BRL', 6.18500, 'seed', now()),
    ('2026-11-20', 'MXN', 21.31000, 'seed', now()),
    ('2026-11-20', 'INR', 103.250, 'seed', now());

-- jobs that one node of the cluster runs at a time: the node whose UPDATE claims the row runs it
create table scheduled_run (
    name            varchar(60) primary key,
    next_run_at     timestamptz not null,
    claimed_until   timestamptz,
    last_success_at timestamptz,
    last_error      varchar(300)
);

-- the currency a person chose to see prices in (restored at every sign-in)
alter table account add column preferred_currency varchar(3);

-- an order is charged in one currency (the buyer's, or the seller's when the processor cannot charge the
-- buyer's); each line keeps its seller's currency and amounts (the ledger's), the amount charged for it
-- and the rate used (charged currency per unit of the line's currency), the order the rates' day
alter table purchase_order add column rates_date date;
alter table purchase_order add column rates_source varchar(20);
alter table order_line add column currency varchar(3);
alter table order_line add column charged_minor bigint;
alter table order_line add column rate numeric(24, 12);
update order_line l set currency = o.currency, charged_minor = l.net_minor, rate = 1
from purchase_order o where o.id = l.order_id;
alter table order_line alter column currency set not null;
alter table order_line alter column charged_minor set not null;
alter table order_line alter column rate set not null;
alter table order_line add constraint order_line_charged_check check (charged_minor >= 0 and rate > 0);

-- a file uploaded with a new listing that was refused for another reason (a missing title...), kept for
-- the seller's retry so that they need not choose it again; removed when used, or after a day
create table listing_upload (
    token      uuid primary key,
    seller_id  uuid not null references account (id) on delete cascade,
    file_name  varchar(255) not null,
    content    bytea not null,
    created_at timestamptz not null
);
create index listing_upload_created_idx on listing_upload (created_at);
