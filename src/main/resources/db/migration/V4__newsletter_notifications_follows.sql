alter table mail_outbox add column list_unsubscribe varchar(500);

create table newsletter_subscriber (
    id                 uuid primary key,
    email              varchar(254) not null,
    status             varchar(12) not null,
    confirm_token      varchar(64) unique,
    unsubscribe_token  varchar(64) not null unique,
    confirm_mails_sent int not null default 0,
    last_mail_at       timestamptz,
    created_at         timestamptz not null,
    confirmed_at       timestamptz,
    unsubscribed_at    timestamptz
);
create unique index newsletter_subscriber_email_uq on newsletter_subscriber (lower(email));

create table store_follow (
    store_id    uuid not null references store (id) on delete cascade,
    follower_id uuid not null references account (id) on delete cascade,
    created_at  timestamptz not null,
    primary key (store_id, follower_id)
);
create index store_follow_follower_idx on store_follow (follower_id);

create table notification (
    id           uuid primary key,
    recipient_id uuid not null references account (id) on delete cascade,
    type         varchar(40) not null,
    group_key    varchar(200) not null,
    title        varchar(300) not null,
    body         varchar(1000) not null default '',
    link         varchar(500),
    count        int not null default 1,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    read_at      timestamptz,
    -- one row per (recipient, group): a burst of the same kind updates the count instead of adding rows
    unique (recipient_id, group_key)
);
create index notification_recipient_idx on notification (recipient_id, updated_at desc);
create index notification_unread_idx on notification (recipient_id) where read_at is null;
