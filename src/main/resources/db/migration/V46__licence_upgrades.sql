-- Each paid upgrade of a licence, with the tier it raised the licence from: refunding it lowers the licence again
-- (decision 49). A refunded upgrade keeps its row, marked, so the tier the licence was bought with is never lost.
create table licence_upgrade (
    order_line_id uuid primary key references order_line (id),
    licence_id    uuid not null references licence (id),
    from_tier     text not null check (from_tier in ('SINGLE', 'TEAM', 'COMPANY')),
    tier          text not null check (tier in ('SINGLE', 'TEAM', 'COMPANY')),
    paid_at       timestamptz not null,
    refunded_at   timestamptz
);
create index licence_upgrade_licence_idx on licence_upgrade (licence_id, paid_at);

-- upgrades paid before this table: raised from the tier of the purchase, or of the upgrade paid before them
insert into licence_upgrade (order_line_id, licence_id, from_tier, tier, paid_at, refunded_at)
select u.id, l.id,
       coalesce(lag(u.licence_tier) over (partition by l.id order by o.paid_at), bought.licence_tier),
       u.licence_tier, o.paid_at, u.refunded_at
from order_line u
join purchase_order o on o.id = u.order_id and o.paid_at is not null
join licence l on l.order_line_id = u.upgrade_of
join order_line bought on bought.id = l.order_line_id
where u.upgrade_of is not null;
