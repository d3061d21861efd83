-- One open checkout per buyer, open checkouts expire, and payment webhooks are bound to the checkout
-- they belong to (decision 14).

-- an open order (PENDING, or FAILED: the last attempt was refused and the buyer may pay again) is
-- either paid, cancelled by the buyer, or expires; the processor's checkout is bound to the order
alter table purchase_order add column expires_at timestamptz;
alter table purchase_order add column closed_at timestamptz;
-- a payment that arrived for a closed order and would have bought something twice was refunded in full
alter table purchase_order add column payment_returned_at timestamptz;

update purchase_order set expires_at = created_at + interval '1 hour' where status in ('PENDING', 'FAILED');

-- before this change every visit to the checkout page could open another order: keep each buyer's
-- newest open order and cancel the others (a payment still in flight for one of them is handled
-- like any late payment: accepted if it buys nothing twice, otherwise refunded)
update purchase_order o set status = 'CANCELLED', closed_at = now()
where o.status in ('PENDING', 'FAILED')
  and exists (select 1 from purchase_order n
              where n.buyer_id = o.buyer_id and n.status in ('PENDING', 'FAILED')
                and (n.created_at, n.id) > (o.created_at, o.id));

alter table purchase_order drop constraint purchase_order_status_check;
alter table purchase_order add constraint purchase_order_status_check
    check (status in ('PENDING', 'FAILED', 'PAID', 'REFUNDED', 'CANCELLED', 'EXPIRED'));
alter table purchase_order add constraint purchase_order_open_expires_check
    check (status not in ('PENDING', 'FAILED') or expires_at is not null);
alter table purchase_order add constraint purchase_order_closed_at_check
    check (status not in ('CANCELLED', 'EXPIRED') or closed_at is not null);

-- at most one open checkout per buyer, whatever the application does
create unique index purchase_order_one_open_idx on purchase_order (buyer_id) where status in ('PENDING', 'FAILED');
-- the expiry sweep's claim
create index purchase_order_expiry_idx on purchase_order (expires_at) where status in ('PENDING', 'FAILED');

-- every checkout opened at a processor, with what it is for: a webhook must match one exactly
create table payment_checkout (
    checkout_ref varchar(120) primary key,
    provider     varchar(20) not null,
    order_id     uuid not null,
    amount_minor bigint not null,
    currency     varchar(3) not null,
    opened_at    timestamptz not null
);
create index payment_checkout_order_idx on payment_checkout (order_id);

insert into payment_checkout (checkout_ref, provider, order_id, amount_minor, currency, opened_at)
select o.payment_ref, case when exists (select 1 from test_checkout t where t.id = o.payment_ref) then 'test' else 'stripe' end,
       o.id, o.total_minor, o.currency, o.created_at
from purchase_order o
where o.payment_ref is not null and o.payment_ref <> 'free'
on conflict do nothing;

-- the built-in test processor's checkouts expire like Stripe's, and its refunds are idempotent like Stripe's
alter table test_checkout add column expires_at timestamptz;
create table test_refund (
    idempotency_key varchar(200) primary key,
    id              varchar(40) not null unique,
    checkout_id     varchar(40) not null references test_checkout (id),
    amount_minor    bigint not null,
    created_at      timestamptz not null
);

-- the test processor's webhook signing secret, generated on first start and shared by every node
create table test_processor_secret (
    id             int primary key check (id = 1),
    webhook_secret varchar(100) not null,
    created_at     timestamptz not null
);
