-- what the buyer told at checkout for the sellers' records, and the licence sold with each line (the sales export)
alter table purchase_order add column buyer_country varchar(2);
alter table purchase_order add column share_email boolean not null default false;
alter table order_line add column licence_tier varchar(10) not null default 'SINGLE'
    check (licence_tier in ('SINGLE', 'TEAM', 'COMPANY'));
