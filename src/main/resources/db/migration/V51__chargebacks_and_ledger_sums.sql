-- Chargebacks (decision 53) and seller balances summed by the database.

-- commerce publishes its sellers' ledger entries (decision 27), each with the time of the sale it belongs to
-- (a refund's or a chargeback's is the sale it reverses): payouts sum them and name the entries they pay
create index ledger_entry_seller_sale_idx on ledger_entry (order_line_id, account_id)
    where account_type = 'SELLER' and entry_type = 'SALE';
create view seller_ledger_entry as
select e.id, e.account_id as store_id, e.amount_minor, e.currency, e.entry_type, e.occurred_at,
       coalesce(s.occurred_at, e.occurred_at) as sale_at
from ledger_entry e
left join ledger_entry s on s.order_line_id = e.order_line_id and s.account_id = e.account_id
                        and s.account_type = 'SELLER' and s.entry_type = 'SALE'
where e.account_type = 'SELLER';

-- the chargebacks' entries, listed for sellers and admins
create index ledger_entry_chargeback_idx on ledger_entry (order_id)
    where account_type = 'SELLER' and entry_type in ('CHARGEBACK', 'DISPUTE_FEE');

-- an order's dispute at the processor (one per payment, as a card payment has at most one)
alter table purchase_order add column dispute_ref varchar(120);
alter table purchase_order add column dispute_status varchar(10);
alter table purchase_order add column dispute_amount_minor bigint;
alter table purchase_order add column dispute_fee_minor bigint;
alter table purchase_order add column dispute_opened_at timestamptz;
alter table purchase_order add column dispute_closed_at timestamptz;
alter table purchase_order add constraint purchase_order_dispute_status_check
    check (dispute_status is null or dispute_status in ('OPEN', 'WON', 'LOST'));
create index purchase_order_disputed_idx on purchase_order (dispute_opened_at desc) where dispute_ref is not null;
alter table purchase_order drop constraint purchase_order_status_check;
alter table purchase_order add constraint purchase_order_status_check
    check (status in ('PENDING', 'FAILED', 'PAID', 'REFUNDED', 'CHARGED_BACK', 'CANCELLED', 'EXPIRED'));

-- the processor's own id of a payment (Stripe: its payment intent), which its disputes name
alter table payment_checkout add column payment_ref varchar(120);
create index payment_checkout_payment_ref_idx on payment_checkout (payment_ref) where payment_ref is not null;

-- the built-in test processor's disputes, like Stripe's: opened on a paid checkout, closed won or lost
create table test_dispute (
    id           varchar(40) primary key,
    checkout_id  varchar(40) not null unique references test_checkout (id),
    amount_minor bigint not null,
    fee_minor    bigint not null,
    status       varchar(10) not null check (status in ('OPEN', 'WON', 'LOST')),
    created_at   timestamptz not null,
    closed_at    timestamptz
);
