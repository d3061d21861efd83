-- what a coupon and a promotion took off each line, and the promotion that did: the sellers' coupon and promotion
-- figures on their dashboard
alter table order_line add column coupon_discount_minor bigint not null default 0;
alter table order_line add column promotion_id uuid references promotion (id) on delete set null;
alter table order_line add column promotion_discount_minor bigint not null default 0;
create index order_line_promotion_idx on order_line (promotion_id) where promotion_id is not null;
-- lines sold before: a coupon line's discount was the coupon's (promotions were not recorded on lines)
update order_line set coupon_discount_minor = greatest(0, list_minor - net_minor) where coupon_id is not null;
