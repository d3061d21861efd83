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

-- Categories: an icon, and a parent for one level of nesting (a sub-category's parent has no parent itself;
-- the admin page enforces it, since a check constraint cannot look at another row).
alter table category add column icon varchar(16) not null default '';
alter table category add column parent_id uuid references category (id);
create index category_parent_idx on category (parent_id);

-- A slug that was changed (or a tag merged into another) keeps its old address: /workflows?category=old
-- answers with a permanent redirect to the new one.
create table slug_redirect (
    kind     varchar(10) not null check (kind in ('category', 'tag')),
    old_slug varchar(60) not null,
    new_slug varchar(60) not null,
    moved_at timestamptz not null,
    primary key (kind, old_slug)
);

-- Moderation queue: content an automatic rule flagged, with the rules' hits (evidence masked), until an admin decides.
create table moderation_item (
    id           uuid primary key,
    content_type varchar(20) not null,
    content_id   uuid not null,
    revision     uuid,
    author_id    uuid,
    title        varchar(300) not null,
    hits         text not null,
    status       varchar(10) not null check (status in ('OPEN', 'APPROVED', 'REJECTED')),
    created_at   timestamptz not null,
    decided_at   timestamptz,
    decided_by   uuid,
    reason       varchar(1000)
);
-- one item per screened revision, so a redelivered event does not queue it twice
create unique index moderation_item_revision_idx on moderation_item (content_type, content_id, revision);
create index moderation_item_open_idx on moderation_item (created_at) where status = 'OPEN';
