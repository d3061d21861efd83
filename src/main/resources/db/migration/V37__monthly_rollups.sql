-- Monthly rollups beside the daily ones (decision 42): the same rows summed per calendar month (month = its first
-- day), kept in the same transactions by the same upserts, so a year reads twelve months instead of 365 days.

create table analytics_monthly (
    store_id  uuid not null,
    month     date not null check (extract(day from month) = 1),
    item_id   uuid not null,
    source    varchar(10) not null,
    referrer  varchar(100) not null,
    views     int not null default 0,
    visitors  int not null default 0,
    carts     int not null default 0,
    checkouts int not null default 0,
    purchases int not null default 0,
    primary key (store_id, month, item_id, source, referrer)
);

create table analytics_sales_monthly (
    store_id              uuid not null,
    month                 date not null check (extract(day from month) = 1),
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
    primary key (store_id, month, item_id, source, currency)
);

create table platform_item_monthly (
    month     date not null check (extract(day from month) = 1),
    item_id   uuid not null,
    currency  varchar(3) not null,
    store_id  uuid not null,
    sales     int not null default 0,
    net_minor bigint not null default 0,
    primary key (month, item_id, currency)
);

-- what the daily rows already hold, once, on upgrade
insert into analytics_monthly (store_id, month, item_id, source, referrer, views, visitors, carts, checkouts, purchases)
select store_id, date_trunc('month', day)::date, item_id, source, referrer, sum(views), sum(visitors), sum(carts), sum(checkouts),
       sum(purchases)
from analytics_daily group by 1, 2, 3, 4, 5;

insert into analytics_sales_monthly (store_id, month, item_id, source, currency, sales, gross_minor, fee_minor, seller_minor, refunds,
                                     refunded_minor, refunded_seller_minor)
select store_id, date_trunc('month', day)::date, item_id, source, currency, sum(sales), sum(gross_minor), sum(fee_minor), sum(seller_minor),
       sum(refunds), sum(refunded_minor), sum(refunded_seller_minor)
from analytics_sales_daily group by 1, 2, 3, 4, 5;

insert into platform_item_monthly (month, item_id, currency, store_id, sales, net_minor)
select date_trunc('month', day)::date, item_id, currency, min(store_id::text)::uuid, sum(sales), sum(net_minor)
from platform_item_daily group by 1, 2, 3;
