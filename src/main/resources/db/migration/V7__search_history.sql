create table search_history (
    account_id  uuid not null references account (id) on delete cascade,
    query_key   varchar(600) not null,
    query       varchar(200) not null,
    filters     varchar(400) not null default '',
    searched_at timestamptz not null,
    primary key (account_id, query_key)
);
create index search_history_recent_idx on search_history (account_id, searched_at desc);

create table search_history_setting (
    account_id uuid primary key references account (id) on delete cascade,
    enabled    boolean not null
);
