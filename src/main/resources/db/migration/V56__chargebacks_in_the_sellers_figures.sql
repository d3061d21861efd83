-- A lost chargeback counts like a refund in the sellers' figures as in the platform's (decision 59): the raw events name
-- it once per line, and the disputes lost before the live writers counted them are counted now, as those writers do.

alter table analytics_event drop constraint analytics_event_kind_check;
alter table analytics_event add constraint analytics_event_kind_check
    check (kind in ('VIEW', 'CART', 'CHECKOUT', 'PURCHASE', 'REFUND', 'CHARGEBACK'));
-- a charged back line is counted once however often its dispute is told
create unique index analytics_event_chargeback_idx on analytics_event (order_id, item_id) where kind = 'CHARGEBACK';

-- the lines of every lost dispute: those not refunded when it closed (no refund is made once it is open or lost), each
-- a refund of the day it closed (an upgrade of a licence brings money back but was no sale)
create temporary table lost_line on commit drop as
select o.id order_id, l.ref_id item_id, l.store_id, l.currency, o.dispute_closed_at closed_at,
       (o.dispute_closed_at at time zone 'UTC')::date as day, case when l.upgrade_of is null then 1 else 0 end refunds,
       l.net_minor, l.fee_minor, l.seller_minor
from purchase_order o join order_line l on l.order_id = o.id
where o.dispute_status = 'LOST' and o.dispute_closed_at is not null and l.status <> 'REFUNDED';

-- the sellers': under the source the purchase was credited to (direct when it was not tracked)
create temporary table lost_seller_line on commit drop as
select x.*, coalesce(p.source, 'DIRECT') source, coalesce(p.referrer, '') referrer, coalesce(p.campaign, '') campaign, p.visitor
from lost_line x
left join lateral (select e.source, e.referrer, e.campaign, e.visitor from analytics_event e
                   where e.order_id = x.order_id and e.item_id = x.item_id and e.kind = 'PURCHASE' order by e.id limit 1) p on true
where not exists (select 1 from analytics_event c where c.order_id = x.order_id and c.item_id = x.item_id and c.kind = 'CHARGEBACK');

insert into analytics_event (occurred_at, day, kind, store_id, item_id, visitor, source, referrer, campaign, order_id)
select closed_at, day, 'CHARGEBACK', store_id, item_id, visitor, source, referrer, campaign, order_id from lost_seller_line;

insert into analytics_sales_daily (store_id, day, item_id, source, currency, refunds, refunded_minor, refunded_seller_minor)
select store_id, day, item_id, source, currency, sum(refunds), sum(net_minor), sum(seller_minor)
from lost_seller_line group by store_id, day, item_id, source, currency
on conflict (store_id, day, item_id, source, currency) do update set refunds = analytics_sales_daily.refunds + excluded.refunds,
    refunded_minor = analytics_sales_daily.refunded_minor + excluded.refunded_minor,
    refunded_seller_minor = analytics_sales_daily.refunded_seller_minor + excluded.refunded_seller_minor;

insert into analytics_sales_monthly (store_id, month, item_id, source, currency, refunds, refunded_minor, refunded_seller_minor)
select store_id, date_trunc('month', day)::date, item_id, source, currency, sum(refunds), sum(net_minor), sum(seller_minor)
from lost_seller_line group by store_id, date_trunc('month', day)::date, item_id, source, currency
on conflict (store_id, month, item_id, source, currency) do update set refunds = analytics_sales_monthly.refunds + excluded.refunds,
    refunded_minor = analytics_sales_monthly.refunded_minor + excluded.refunded_minor,
    refunded_seller_minor = analytics_sales_monthly.refunded_seller_minor + excluded.refunded_seller_minor;

-- the platform's: the lines not counted yet (disputes lost before V55; those lost since are in platform_chargeback)
create temporary table lost_platform_line on commit drop as
select * from lost_line x
where not exists (select 1 from platform_chargeback c where c.order_id = x.order_id and c.item_id = x.item_id);

insert into platform_chargeback (order_id, item_id, day)
select order_id, item_id, day from lost_platform_line;

insert into platform_sales_daily (day, currency, refunds, refunded_minor, refunded_fee_minor)
select day, currency, sum(refunds), sum(net_minor), sum(fee_minor) from lost_platform_line group by day, currency
on conflict (day, currency) do update set refunds = platform_sales_daily.refunds + excluded.refunds,
    refunded_minor = platform_sales_daily.refunded_minor + excluded.refunded_minor,
    refunded_fee_minor = platform_sales_daily.refunded_fee_minor + excluded.refunded_fee_minor;

insert into platform_item_daily (day, item_id, currency, store_id, sales, net_minor)
select day, item_id, currency, min(store_id::text)::uuid, 0, -sum(net_minor) from lost_platform_line group by day, item_id, currency
on conflict (day, item_id, currency) do update set net_minor = platform_item_daily.net_minor + excluded.net_minor;

insert into platform_item_monthly (month, item_id, currency, store_id, sales, net_minor)
select date_trunc('month', day)::date, item_id, currency, min(store_id::text)::uuid, 0, -sum(net_minor)
from lost_platform_line group by date_trunc('month', day)::date, item_id, currency
on conflict (month, item_id, currency) do update set net_minor = platform_item_monthly.net_minor + excluded.net_minor;

-- closed days were written: no kept list or stored count outlives it
update platform_closed_version set version = version + 1;
