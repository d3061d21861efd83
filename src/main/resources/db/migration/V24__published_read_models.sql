-- Read models that modules publish for other modules' queries (decision 27). A module's tables are its
-- own; another module that needs a few of its columns in a query joins the view the owner publishes
-- here, so the owner can change its tables as long as it keeps its views.

-- account: the name a person shows to others (never the e-mail or the password hash)
create view account_name as
select id, display_name from account;

-- store: what a store shows of itself, and whose it is
create view store_summary as
select id, owner_id, name, slug from store;

-- social: the handles of profiles their owners made public
create view visible_profile as
select account_id, handle from public_profile where visible;

-- catalog: a workflow's identity, its store and its state
create view workflow_summary as
select id, store_id, slug, title, status from workflow;
