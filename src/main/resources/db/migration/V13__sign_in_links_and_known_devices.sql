-- Spring Security's one-time-token login ("e-mail me a sign-in link"): the schema of
-- org/springframework/security/core/ott/jdbc/one-time-tokens-schema.sql, with room for any e-mail address
-- and the expiry as an instant. A row is deleted when its link is used; expired rows hourly.
create table one_time_tokens (
    token_value varchar(36)  primary key,
    username    varchar(254) not null,
    expires_at  timestamptz  not null
);
create index one_time_tokens_expires_at_idx on one_time_tokens (expires_at);

-- keys the application generates on first start and every node shares (the known-device cookie's signing key)
create table security_secret (
    name       varchar(100) primary key,
    secret     text         not null,
    created_at timestamptz  not null
);
