-- seller coupons: promo codes, unique per store whatever their case
create table coupon (
    id                  uuid primary key,
    store_id            uuid not null references store (id) on delete cascade,
    code                varchar(40) not null,
    percent_off         int check (percent_off between 1 and 100),
    amount_off_minor    bigint check (amount_off_minor > 0),
    -- the currency of the fixed amount and of the minimum cart
    currency            char(3) not null,
    whole_store         boolean not null,
    starts_at           timestamptz not null,
    ends_at             timestamptz,
    max_uses            int check (max_uses > 0),
    once_per_customer   boolean not null default false,
    minimum_minor       bigint not null default 0 check (minimum_minor >= 0),
    first_purchase_only boolean not null default false,
    uses                int not null default 0,
    active              boolean not null default true,
    created_at          timestamptz not null,
    check ((percent_off is null) <> (amount_off_minor is null)),
    check (ends_at is null or ends_at > starts_at),
    -- the last use of a capped code cannot be taken twice
    check (max_uses is null or uses <= max_uses)
);
create unique index coupon_store_code_idx on coupon (store_id, lower(code));

create table coupon_workflow (
    coupon_id   uuid not null references coupon (id) on delete cascade,
    workflow_id uuid not null,
    primary key (coupon_id, workflow_id)
);

-- counted when an order is paid
create table coupon_redemption (
    coupon_id   uuid not null references coupon (id) on delete cascade,
    order_id    uuid not null references purchase_order (id),
    buyer_id    uuid not null,
    redeemed_at timestamptz not null,
    primary key (coupon_id, order_id)
);
create index coupon_redemption_buyer_idx on coupon_redemption (buyer_id, coupon_id);

-- the codes a cart holds: at most one per store
create table cart_coupon (
    cart_id   uuid not null references cart (id) on delete cascade,
    store_id  uuid not null,
    coupon_id uuid not null references coupon (id) on delete cascade,
    primary key (cart_id, store_id)
);

-- the coupon that reduced a line, as it was sold
alter table order_line add column coupon_id uuid references coupon (id) on delete set null;
alter table order_line add column coupon_code varchar(40);
create index order_line_coupon_idx on order_line (coupon_id) where coupon_id is not null;

-- timed promotions: a percentage or an amount off chosen workflows, from one instant to another
create table promotion (
    id               uuid primary key,
    store_id         uuid not null references store (id) on delete cascade,
    title            varchar(80) not null,
    percent_off      int check (percent_off between 1 and 95),
    amount_off_minor bigint check (amount_off_minor > 0),
    currency         char(3) not null,
    starts_at        timestamptz not null,
    ends_at          timestamptz not null,
    active           boolean not null default true,
    created_at       timestamptz not null,
    check ((percent_off is null) <> (amount_off_minor is null)),
    check (ends_at > starts_at)
);
create index promotion_store_idx on promotion (store_id, ends_at);

create table promotion_workflow (
    promotion_id uuid not null references promotion (id) on delete cascade,
    workflow_id  uuid not null,
    primary key (promotion_id, workflow_id)
);
create index promotion_workflow_idx on promotion_workflow (workflow_id);
