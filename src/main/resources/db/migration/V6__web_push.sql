create table push_subscription (
    id         uuid primary key,
    account_id uuid not null references account (id) on delete cascade,
    endpoint   varchar(1000) not null unique,
    p256dh     varchar(200) not null,
    auth       varchar(100) not null,
    created_at timestamptz not null
);
create index push_subscription_account_idx on push_subscription (account_id);

-- the server's VAPID key pair, generated on first start and shared by every node
create table push_vapid_key (
    id          int primary key check (id = 1),
    public_key  varchar(200) not null,
    private_key text not null,
    created_at  timestamptz not null
);
