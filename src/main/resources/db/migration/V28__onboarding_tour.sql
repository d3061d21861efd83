-- How far each person got in each guided tour (the buyer's and the seller's): started on first sign-in,
-- resumed at the step they left, never shown again once finished or skipped unless they ask for it.
create table onboarding_tour (
    account_id  uuid        not null references account (id) on delete cascade,
    tour        varchar(20) not null,
    status      varchar(20) not null,
    step        int         not null default 0,
    updated_at  timestamptz not null,
    primary key (account_id, tour)
);
