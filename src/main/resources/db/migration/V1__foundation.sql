-- Spring Modulith event publication registry
create table event_publication (
    id                     uuid primary key,
    listener_id            text not null,
    event_type             text not null,
    serialized_event       text not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int not null default 0,
    last_resubmission_date timestamptz
);
create index event_publication_incomplete_idx on event_publication (publication_date) where completion_date is null;

create table event_publication_archive (
    id                     uuid primary key,
    listener_id            text not null,
    event_type             text not null,
    serialized_event       text not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int not null default 0,
    last_resubmission_date timestamptz
);

-- account
create table account (
    id                 uuid primary key,
    email              varchar(254) not null,
    password_hash      varchar(255) not null,
    display_name       varchar(80) not null,
    email_verified_at  timestamptz,
    locale             varchar(10) not null default 'en',
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    version            bigint not null default 0
);
create unique index account_email_uq on account (lower(email));

create table account_role (
    account_id uuid not null references account (id) on delete cascade,
    role       varchar(20) not null,
    primary key (account_id, role)
);

create table account_token (
    id          uuid primary key,
    account_id  uuid not null references account (id) on delete cascade,
    purpose     varchar(30) not null,
    token_hash  varchar(64) not null unique,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    created_at  timestamptz not null
);
create index account_token_account_idx on account_token (account_id, purpose);

-- audit (append-only)
create table audit_entry (
    id          bigserial primary key,
    occurred_at timestamptz not null,
    actor_id    uuid,
    actor_label varchar(254),
    action      varchar(60) not null,
    target_type varchar(40),
    target_id   varchar(80),
    details     text,
    ip          varchar(64),
    user_agent  varchar(512)
);
create index audit_entry_time_idx on audit_entry (occurred_at desc);
create index audit_entry_actor_idx on audit_entry (actor_id, occurred_at desc);
create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only';
end $$;
create trigger audit_entry_no_update before update or delete on audit_entry
    for each row execute function audit_entry_append_only();

-- mail outbox
create table mail_outbox (
    id            uuid primary key,
    recipient     varchar(254) not null,
    subject       varchar(300) not null,
    text_body     text not null,
    html_body     text,
    created_at    timestamptz not null,
    next_attempt_at timestamptz not null,
    attempts      int not null default 0,
    sent_at       timestamptz,
    failed_at     timestamptz,
    last_error    varchar(1000)
);
create index mail_outbox_due_idx on mail_outbox (next_attempt_at) where sent_at is null and failed_at is null;

-- store
create table store (
    id           uuid primary key,
    owner_id     uuid not null unique references account (id),
    name         varchar(80) not null,
    slug         varchar(60) not null unique,
    bio          text not null default '',
    avatar_key   varchar(200),
    website_url  varchar(300),
    twitter_handle varchar(40),
    github_handle  varchar(40),
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    version      bigint not null default 0
);

-- catalog
create table category (
    id          uuid primary key,
    slug        varchar(60) not null unique,
    name        varchar(80) not null,
    description varchar(300) not null default '',
    position    int not null default 0
);

create table tag (
    id   uuid primary key,
    slug varchar(60) not null unique,
    name varchar(60) not null
);

create table workflow (
    id              uuid primary key,
    store_id        uuid not null references store (id),
    slug            varchar(100) not null unique,
    title           varchar(120) not null,
    summary         varchar(300) not null,
    description_md  text not null default '',
    platform        varchar(20) not null,
    price_minor     bigint not null check (price_minor >= 0),
    currency        varchar(3) not null,
    category_id     uuid references category (id),
    status          varchar(20) not null,
    featured        boolean not null default false,
    integrations    text not null default '',
    sales_count     int not null default 0,
    rating_avg      numeric(3,2) not null default 0,
    rating_count    int not null default 0,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    published_at    timestamptz,
    version         bigint not null default 0,
    search_vector   tsvector generated always as (
        setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(summary, '')), 'B') ||
        setweight(to_tsvector('english', coalesce(integrations, '')), 'B') ||
        setweight(to_tsvector('english', coalesce(description_md, '')), 'C')
    ) stored
);
create index workflow_search_idx on workflow using gin (search_vector);
create index workflow_status_published_idx on workflow (status, published_at desc);
create index workflow_store_idx on workflow (store_id);
create index workflow_category_idx on workflow (category_id);

create table workflow_tag (
    workflow_id uuid not null references workflow (id) on delete cascade,
    tag_id      uuid not null references tag (id) on delete cascade,
    primary key (workflow_id, tag_id)
);
create index workflow_tag_tag_idx on workflow_tag (tag_id);

create table workflow_version (
    id            uuid primary key,
    workflow_id   uuid not null references workflow (id) on delete cascade,
    number        int not null,
    changelog     text not null default '',
    file_key      varchar(200) not null,
    file_name     varchar(200) not null,
    file_size     bigint not null,
    sha256        varchar(64) not null,
    node_count    int not null,
    integrations  text not null default '',
    secret_warnings text not null default '',
    created_at    timestamptz not null,
    unique (workflow_id, number)
);

create table workflow_screenshot (
    id           uuid primary key,
    workflow_id  uuid not null references workflow (id) on delete cascade,
    blob_key     varchar(200) not null,
    content_type varchar(60) not null,
    position     int not null
);
