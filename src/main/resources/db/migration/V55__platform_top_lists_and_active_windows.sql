-- The admins' analytics read a few hundred rows whatever the period (decision 57): the top stores and workflows of
-- the preset periods are kept for their closed days, the weekly and monthly active accounts once a day is over, and
-- a lost chargeback counts like a refund.

-- the closed days of a period ending today (from_day to to_day, yesterday): for each kind (S: stores, I: items) the
-- ids that sold the most at the day's rates (rates names them), each with its sums per currency; threshold_minor is the most any
-- other id sold (null when every id is kept); kept only while version is the current one
create table platform_top (
    kind            char(1) not null check (kind in ('S', 'I')),
    from_day        date not null,
    to_day          date not null,
    rates           varchar(2000) not null,
    version         bigint not null,
    threshold_minor bigint,
    primary key (kind, from_day, to_day)
);

create table platform_top_entry (
    kind      char(1) not null,
    from_day  date not null,
    to_day    date not null,
    id        uuid not null,
    currency  varchar(3) not null,
    store_id  uuid not null,
    sales     bigint not null,
    net_minor bigint not null,
    primary key (kind, from_day, to_day, id, currency),
    foreign key (kind, from_day, to_day) references platform_top on delete cascade
);

-- raised by every write to a closed day's rows (an import, an event told late, an erased account), so that no kept
-- list or stored count outlives what it was counted from
create table platform_closed_version (
    one     boolean primary key default true check (one),
    version bigint not null
);
insert into platform_closed_version (version) values (0);

-- an id's rows of a period, for the few ids a kept list has to be completed with
create index platform_item_daily_item on platform_item_daily (item_id, day);
create index platform_item_daily_store on platform_item_daily (store_id, day);
create index platform_item_monthly_item on platform_item_monthly (item_id, month);
create index platform_item_monthly_store on platform_item_monthly (store_id, month);

-- distinct active accounts on a day and in the seven and thirty days ending with it, stored once the day is over
create table platform_active_window (
    day     date primary key,
    daily   int not null,
    weekly  int not null,
    monthly int not null,
    version bigint not null
);

-- each account's last active day, so today's weekly and monthly counts are a range of one index
create table platform_account_last (
    account_id uuid primary key,
    last_day   date not null
);
create index platform_account_last_day on platform_account_last (last_day);
insert into platform_account_last (account_id, last_day)
select account_id, max(day) from platform_active_day group by account_id;

-- the order lines whose lost chargebacks were counted, each once
create table platform_chargeback (
    order_id uuid not null,
    item_id  uuid not null,
    day      date not null,
    primary key (order_id, item_id)
);
