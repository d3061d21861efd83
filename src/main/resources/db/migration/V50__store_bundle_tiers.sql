-- A store taking part in buyers' bundles may offer its own tiers on top of the platform's (e.g. '2:10,4:25'): each of its
-- lines gets whichever of the two takes more off at the cart's count. Null: the platform's tiers only.
alter table buyer_bundle_store add column tiers varchar(100);
