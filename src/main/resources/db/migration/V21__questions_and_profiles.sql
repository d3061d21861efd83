-- the seller's one public reply to a review (editable); the review's author is told
alter table review add column reply_body text;
alter table review add column replied_at timestamptz;
alter table review add column reply_updated_at timestamptz;
create index review_unanswered_idx on review (workflow_id) where reply_body is null;

-- questions under a workflow and their answers (parent_id: the question), one level deep
create table qa_post (
    id            uuid primary key,
    workflow_id   uuid not null references workflow (id),
    parent_id     uuid references qa_post (id),
    author_id     uuid not null references account (id),
    body          text not null,
    upvote_count  int not null default 0,
    accepted      boolean not null default false,
    created_at    timestamptz not null,
    edited_at     timestamptz,
    -- deleted posts keep their row so the thread stays readable; the text is gone
    deleted_at    timestamptz
);
create index qa_post_workflow_idx on qa_post (workflow_id, created_at) where parent_id is null;
create index qa_post_parent_idx on qa_post (parent_id);
create unique index qa_post_one_accepted_uq on qa_post (parent_id) where accepted;

create table qa_vote (
    post_id   uuid not null references qa_post (id),
    voter_id  uuid not null references account (id) on delete cascade,
    primary key (post_id, voter_id)
);

create table qa_report (
    id          uuid primary key,
    post_id     uuid not null references qa_post (id),
    reporter_id uuid not null references account (id) on delete cascade,
    reason      varchar(500) not null,
    created_at  timestamptz not null,
    unique (post_id, reporter_id)
);

-- a buyer's public profile at /u/{handle}: private until its owner opens it
create table public_profile (
    account_id      uuid primary key references account (id) on delete cascade,
    handle          varchar(30) not null,
    bio             varchar(500) not null default '',
    visible         boolean not null default false,
    show_purchases  boolean not null default false,
    show_following  boolean not null default false,
    updated_at      timestamptz not null
);
create unique index public_profile_handle_uq on public_profile (lower(handle));

-- purchases the owner chose to show on the profile (each one, and only while show_purchases is on)
create table public_purchase (
    account_id  uuid not null references account (id) on delete cascade,
    workflow_id uuid not null references workflow (id),
    primary key (account_id, workflow_id)
);
