-- the order aggregate's states, also guarded by the database
alter table purchase_order add constraint purchase_order_status_check
    check (status in ('PENDING', 'PAID', 'FAILED', 'REFUNDED'));
alter table purchase_order add constraint purchase_order_paid_at_check
    check (status not in ('PAID', 'REFUNDED') or paid_at is not null);
alter table order_line add constraint order_line_status_check
    check (status in ('ACTIVE', 'REFUNDED'));
alter table order_line add constraint order_line_refunded_at_check
    check ((status = 'REFUNDED') = (refunded_at is not null));
alter table order_line add constraint order_line_kind_check
    check (kind in ('WORKFLOW', 'BUNDLE'));
alter table order_line add constraint order_line_amounts_check
    check (list_minor >= 0 and net_minor >= 0 and fee_minor >= 0 and seller_minor >= 0 and fee_minor + seller_minor = net_minor);

-- an order's lines are read with the order (and "already bought" checks go through the buyer's orders)
create index order_line_order_idx on order_line (order_id, position);

-- a mail queued by an event listener carries a key, so a redelivered event queues it once
alter table mail_outbox add column dedupe_key varchar(200);
create unique index mail_outbox_dedupe_key_idx on mail_outbox (dedupe_key) where dedupe_key is not null;
