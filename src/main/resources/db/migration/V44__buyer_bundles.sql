-- stores whose workflows buyers may combine with others into a bundle of their own, for the platform's tiered discount
create table buyer_bundle_store (
    store_id  uuid primary key references store (id),
    joined_at timestamptz not null
);
-- what the buyer's bundle took off a sold line, as it was sold
alter table order_line add column bundle_discount_minor bigint not null default 0;
