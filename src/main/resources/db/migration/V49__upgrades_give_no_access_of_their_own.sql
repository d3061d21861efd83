-- A licence upgrade raises a licence the buyer holds; access is the purchase's alone, so a refund of the purchase ends it.
-- Upgrades paid before this gave access of their own too: that access goes (the purchase's stays while it is not refunded).
delete from entitlement e using order_line l where l.id = e.order_line_id and l.upgrade_of is not null;
