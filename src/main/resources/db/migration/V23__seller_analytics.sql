-- seller analytics (decision 18): raw events as tracked, and the daily rollups the dashboard reads

-- what happened, one row per tracked event; no IP address, only the visitor's hash of the day
create table analytics_event (
    id          bigserial primary key,
    occurred_at timestamptz not null,
    day         date not null,
    kind        varchar(10) not null check (kind in ('VIEW', 'CART', 'CHECKOUT', 'PURCHASE', 'REFUND')),
    store_id    uuid not null,
    -- the workflow or bundle; the nil uuid for the store's own page
    item_id     uuid not null,
    visitor     varchar(24),
    source      varchar(10) not null,
    referrer    varchar(100) not null default '',
    campaign    varchar(100) not null default '',
    order_id    uuid
);
create index analytics_event_store_day_idx on analytics_event (store_id, day);
-- a purchase or refund is counted once however often its event is delivered
create unique index analytics_event_sale_idx on analytics_event (order_id, item_id, kind) where kind in ('PURCHASE', 'REFUND');
create index analytics_event_checkout_idx on analytics_event (order_id) where kind = 'CHECKOUT';

-- where a visitor came from on their first tracked page of the day (later pages of theirs are internal)
create table analytics_visit (
    day      date not null,
    visitor  varchar(24) not null,
    source   varchar(10) not null,
    referrer varchar(100) not null,
    campaign varchar(100) not null,
    primary key (day, visitor)
);

-- who has been counted as a unique visitor of a page on a day (hashes rotate daily: kept two days)
create table analytics_seen (
    day      date not null,
    store_id uuid not null,
    item_id  uuid not null,
    visitor  varchar(24) not null,
    primary key (day, store_id, item_id, visitor)
);

-- the salt of each day's visitor hash; deleted once the day is over, so hashes cannot be recomputed
create table analytics_salt (
    day  date primary key,
    salt bytea not null
);

-- traffic and funnel per store, day, page and source, kept up to date as events are written
create table analytics_daily (
    store_id  uuid not null,
    day       date not null,
    item_id   uuid not null,
    source    varchar(10) not null,
    referrer  varchar(100) not null,
    views     int not null default 0,
    visitors  int not null default 0,
    carts     int not null default 0,
    checkouts int not null default 0,
    purchases int not null default 0,
    primary key (store_id, day, item_id, source, referrer)
);

-- sales and refunds per store, day, item, source and currency (amounts in minor units)
create table analytics_sales_daily (
    store_id              uuid not null,
    day                   date not null,
    item_id               uuid not null,
    source                varchar(10) not null,
    currency              varchar(3) not null,
    sales                 int not null default 0,
    gross_minor           bigint not null default 0,
    fee_minor             bigint not null default 0,
    seller_minor          bigint not null default 0,
    refunds               int not null default 0,
    refunded_minor        bigint not null default 0,
    refunded_seller_minor bigint not null default 0,
    primary key (store_id, day, item_id, source, currency)
);
