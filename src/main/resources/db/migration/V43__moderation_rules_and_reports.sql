-- What each automatic rule does when it hits (flag, hold, block or off) and its threshold; admins change them.
create table moderation_rule (
    rule       varchar(30) primary key,
    outcome    varchar(5) not null check (outcome in ('OFF', 'FLAG', 'HOLD', 'BLOCK')),
    threshold  integer,
    updated_at timestamptz not null default now(),
    updated_by uuid
);
insert into moderation_rule (rule, outcome, threshold) values
    ('banned-word', 'BLOCK', null),
    ('blocked-domain', 'HOLD', null),
    ('spam-phrase', 'HOLD', null),
    ('too-many-links', 'FLAG', 8),
    ('repetition', 'FLAG', 10),
    ('duplicate', 'FLAG', 30),
    ('burst', 'HOLD', 5),
    ('pricing', 'FLAG', 5),
    ('secret', 'FLAG', null);

-- Every screened text, by a fingerprint of its words: duplicates across items and bursts of new accounts are found here.
create table moderation_activity (
    content_type varchar(20) not null,
    content_id   uuid not null,
    author_id    uuid not null,
    fingerprint  varchar(64),
    created_at   timestamptz not null,
    primary key (content_type, content_id)
);
create index moderation_activity_fingerprint_idx on moderation_activity (fingerprint) where fingerprint is not null;
create index moderation_activity_author_idx on moderation_activity (author_id, created_at);

-- Authors an admin banned from posting (reviews, questions, answers, store profiles).
create table moderation_ban (
    account_id uuid primary key,
    reason     varchar(1000) not null,
    banned_by  uuid not null,
    banned_at  timestamptz not null
);

-- People's reports of a workflow, review, question or answer; one open report per person and item.
create table moderation_report (
    id           uuid primary key,
    content_type varchar(20) not null,
    content_id   uuid not null,
    reporter_id  uuid not null,
    reason       varchar(20) not null,
    note         varchar(500) not null default '',
    status       varchar(6) not null check (status in ('OPEN', 'CLOSED')),
    created_at   timestamptz not null
);
create unique index moderation_report_open_idx on moderation_report (content_type, content_id, reporter_id) where status = 'OPEN';

-- An item whose content waits hidden until an admin decides; and a ban among the decisions.
alter table moderation_item add column held boolean not null default false;
alter table moderation_item drop constraint moderation_item_status_check;
alter table moderation_item add constraint moderation_item_status_check check (status in ('OPEN', 'APPROVED', 'REJECTED', 'BANNED'));

-- Held reviews and questions/answers are shown to their authors only, until approved.
alter table review add column held boolean not null default false;
alter table qa_post add column held boolean not null default false;
