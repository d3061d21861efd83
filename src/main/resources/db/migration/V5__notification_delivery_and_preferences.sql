alter table notification rename column title to subject;

-- one row per (event, recipient) already turned into a notification: a redelivered event adds nothing
create table notification_delivery (
    event_key  varchar(200) primary key,
    created_at timestamptz not null
);

-- only the choices that differ from the defaults are stored
create table notification_preference (
    account_id uuid not null references account (id) on delete cascade,
    type       varchar(40) not null,
    channel    varchar(10) not null,
    enabled    boolean not null,
    primary key (account_id, type, channel)
);
