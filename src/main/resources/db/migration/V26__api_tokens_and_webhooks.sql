-- Personal access tokens for the public API: only the SHA-256 of the token is kept, with its first
-- characters so a person can tell their tokens apart. Scopes are a space-separated list.
create table api_token (
    id           uuid primary key,
    account_id   uuid not null references account (id) on delete cascade,
    name         varchar(80) not null,
    token_hash   varchar(64) not null unique,
    token_prefix varchar(16) not null,
    scopes       varchar(200) not null,
    created_at   timestamptz not null,
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_token_account_idx on api_token (account_id, created_at desc);

-- Answers to POSTs that created something, by token and Idempotency-Key: a retried request gets the
-- first answer again instead of creating a second thing. Kept a day.
create table api_idempotency (
    token_id     uuid not null references api_token (id) on delete cascade,
    key          varchar(255) not null,
    request_hash varchar(64) not null,
    status       int not null,
    location     varchar(500),
    body         text not null,
    created_at   timestamptz not null,
    primary key (token_id, key)
);

-- Sellers' webhook endpoints (Standard Webhooks): the signing secret must be readable to sign, the
-- previous one signs too until the rotation's overlap ends.
create table webhook_endpoint (
    id                    uuid primary key,
    account_id            uuid not null references account (id) on delete cascade,
    url                   varchar(2000) not null,
    description           varchar(200) not null default '',
    events                varchar(500) not null,
    secret                varchar(100) not null,
    previous_secret       varchar(100),
    previous_secret_until timestamptz,
    enabled               boolean not null default true,
    disabled_reason       varchar(40),
    created_at            timestamptz not null
);
create index webhook_endpoint_account_idx on webhook_endpoint (account_id);

-- One message to one endpoint, retried with backoff until it succeeds or runs out of attempts
create table webhook_delivery (
    id               uuid primary key,
    endpoint_id      uuid not null references webhook_endpoint (id) on delete cascade,
    message_id       varchar(40) not null,
    event_type       varchar(60) not null,
    payload          text not null,
    status           varchar(12) not null,
    attempts         int not null default 0,
    next_attempt_at  timestamptz,
    last_status_code int,
    last_response    varchar(1000),
    last_duration_ms int,
    last_error       varchar(300),
    created_at       timestamptz not null,
    completed_at     timestamptz
);
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_endpoint_idx on webhook_delivery (endpoint_id, created_at desc);
