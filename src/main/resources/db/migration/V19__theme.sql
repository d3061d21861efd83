-- The theme a person chose (light, dark, or the system's), applied in every browser they sign in from.
alter table account add column theme varchar(10) not null default 'system' check (theme in ('system', 'light', 'dark'));
