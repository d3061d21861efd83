-- Sign-in history (the last 50 per account are kept), with what the Security page and the alerts need:
-- device and browser from the user agent, the address and its approximate place.
create table sign_in (
    id            bigserial primary key,
    account_id    uuid not null references account (id) on delete cascade,
    occurred_at   timestamptz not null,
    method        varchar(10) not null,
    ip            varchar(64) not null,
    browser       varchar(60) not null,
    os            varchar(60) not null,
    country       varchar(80),
    city          varchar(120),
    asn           varchar(160),
    new_device    boolean not null,
    new_place     boolean not null,
    alerted       boolean not null default false,
    -- "This wasn't me" in the alert mail: sha-256 of a random token, usable for a week
    disown_token_hash varchar(64) unique,
    disown_expires_at timestamptz
);
create index sign_in_account_idx on sign_in (account_id, occurred_at desc);

-- Places an account has signed in from (country and city, or the address without a GeoIP database):
-- a place is new exactly once, so it is alerted exactly once.
create table sign_in_place (
    account_id uuid not null references account (id) on delete cascade,
    place      varchar(300) not null,
    first_seen timestamptz not null,
    primary key (account_id, place)
);

-- GDPR exports: one open (queued or being built) per account; the ZIP is a blob deleted when the link expires.
create table privacy_export (
    id              uuid primary key,
    account_id      uuid not null,
    recipient       varchar(254) not null,
    display_name    varchar(80) not null,
    locale          varchar(10) not null,
    status          varchar(10) not null check (status in ('QUEUED', 'RUNNING', 'READY', 'EXPIRED', 'FAILED')),
    parts_done      int not null default 0,
    parts_total     int not null default 0,
    blob_key        varchar(200),
    size_bytes      bigint,
    attempts        int not null default 0,
    next_attempt_at timestamptz not null,
    requested_at    timestamptz not null,
    ready_at        timestamptz,
    expires_at      timestamptz,
    last_error      varchar(1000)
);
create unique index privacy_export_one_open on privacy_export (account_id) where status in ('QUEUED', 'RUNNING');
create index privacy_export_due_idx on privacy_export (next_attempt_at) where status in ('QUEUED', 'RUNNING');

-- Account deletions: requested, then carried out after the grace period unless cancelled. The steps done
-- are recorded, so a job that crashed resumes where it stopped; the recipient is kept only until the
-- confirmation has been sent.
create table privacy_deletion (
    account_id      uuid primary key,
    recipient       varchar(254),
    display_name    varchar(80),
    locale          varchar(10) not null,
    status          varchar(10) not null check (status in ('PENDING', 'ERASING', 'DONE', 'CANCELLED')),
    requested_at    timestamptz not null,
    due_at          timestamptz not null,
    steps_done      text not null default '',
    attempts        int not null default 0,
    next_attempt_at timestamptz not null,
    completed_at    timestamptz,
    last_error      varchar(1000)
);
create index privacy_deletion_due_idx on privacy_deletion (next_attempt_at) where status in ('PENDING', 'ERASING');

-- The audit log stays append-only, except that a deleted account's entries lose what identifies a person
-- (who by name, from where, with which browser); what was done and when is kept.
create or replace function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    if tg_table_name = 'audit_entry' and tg_op = 'UPDATE'
            and new.id = old.id and new.occurred_at = old.occurred_at and new.action = old.action
            and new.actor_id is not distinct from old.actor_id
            and new.target_type is not distinct from old.target_type and new.target_id is not distinct from old.target_id
            and (new.actor_label is null or new.actor_label = old.actor_label)
            and (new.ip is null or new.ip = old.ip) and (new.user_agent is null or new.user_agent = old.user_agent)
            and (new.details is null or new.details = old.details) then
        return new;
    end if;
    raise exception '% is append-only', tg_table_name;
end $$;
