-- the prices a seller asks for a team's and a company's licence (null: not offered), in the workflow's currency,
-- and the licence a cart line is for (one line per workflow: changing the tier replaces it)
alter table workflow add column team_price_minor bigint check (team_price_minor > 0);
alter table workflow add column company_price_minor bigint check (company_price_minor > 0);
alter table cart_item add column tier varchar(10) not null default 'SINGLE'
    check (tier in ('SINGLE', 'TEAM', 'COMPANY'));
-- an upgrade of a licence the buyer holds: the paid order line the licence was issued for
alter table cart_item add column upgrade_of uuid;
alter table order_line add column upgrade_of uuid;
