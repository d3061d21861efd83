-- Admin panel.

-- Audit log viewer: every filter walks an index in the viewer's order (newest first, then by id), so a page
-- of the log is an index range scan however many millions of entries there are.
drop index if exists audit_entry_time_idx;
drop index if exists audit_entry_actor_idx;
create index audit_entry_time_idx on audit_entry (occurred_at desc, id desc);
create index audit_entry_actor_idx on audit_entry (actor_id, occurred_at desc, id desc);
create index audit_entry_actor_label_idx on audit_entry (lower(actor_label), occurred_at desc, id desc);
create index audit_entry_action_idx on audit_entry (action, occurred_at desc, id desc);
create index audit_entry_target_idx on audit_entry (target_id, occurred_at desc, id desc);
create index audit_entry_ip_idx on audit_entry (ip, occurred_at desc, id desc);
create index audit_entry_details_idx on audit_entry using gin (to_tsvector('simple', coalesce(details, '')));
