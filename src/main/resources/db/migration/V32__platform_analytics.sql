-- Platform-wide daily rollups for the admins' analytics page (decision 31). Kept by the analytics module from
-- the same events as the sellers' rollups, so a year is a few hundred rows per table, whatever the traffic.

-- one row per UTC day: charged orders, first-time buyers and new stores, distinct signed-in accounts,
-- and the tracked funnel's ends (page views and purchases) over every store
create table platform_daily (
    day             date primary key,
    orders          int not null default 0,
    new_buyers      int not null default 0,
    new_sellers     int not null default 0,
    active_accounts int not null default 0,
    views           bigint not null default 0,
    purchases       bigint not null default 0
);

-- what the day's sales and refunds came to, per seller currency (converted to the platform currency when read)
create table platform_sales_daily (
    day                date not null,
    currency           varchar(3) not null,
    sales              int not null default 0,
    gross_minor        bigint not null default 0,
    fee_minor          bigint not null default 0,
    refunds            int not null default 0,
    refunded_minor     bigint not null default 0,
    refunded_fee_minor bigint not null default 0,
    primary key (day, currency)
);

-- each item's sales of the day without the source, for the top stores and top workflows
create table platform_item_daily (
    day       date not null,
    item_id   uuid not null,
    currency  varchar(3) not null,
    store_id  uuid not null,
    sales     int not null default 0,
    net_minor bigint not null default 0,
    primary key (day, item_id, currency)
);

-- who was active on which day (a signed-in request), for exact distinct counts over a week or a month
create table platform_active_day (
    day        date not null,
    account_id uuid not null,
    primary key (day, account_id)
);
create index platform_active_day_account on platform_active_day (account_id);

-- the day of each buyer's first charged order and each store's opening, so each is counted once
create table platform_buyer (
    account_id      uuid primary key,
    first_order_day date not null
);

create table platform_seller (
    store_id  uuid primary key,
    opened_on date not null
);

-- what the sellers' rollups already hold, once, on upgrade
insert into platform_sales_daily (day, currency, sales, gross_minor, fee_minor, refunds, refunded_minor, refunded_fee_minor)
select day, currency, sum(sales), sum(gross_minor), sum(fee_minor), sum(refunds), sum(refunded_minor),
       sum(refunded_minor - refunded_seller_minor)
from analytics_sales_daily group by day, currency;

insert into platform_item_daily (day, item_id, currency, store_id, sales, net_minor)
select day, item_id, currency, min(store_id::text)::uuid, sum(sales), sum(gross_minor - refunded_minor)
from analytics_sales_daily group by day, item_id, currency;

insert into platform_daily (day, views, purchases)
select day, sum(views), sum(purchases) from analytics_daily group by day;

-- orders before this migration: each paid order once, each imported purchase (no order id) as an order of its own
insert into platform_daily (day, orders)
select day, count(distinct order_id) + count(*) filter (where order_id is null)
from analytics_event where kind = 'PURCHASE' group by day
on conflict (day) do update set orders = excluded.orders;
