-- The minimum n8n release each n8n listing's current file needs (major * 1000 + minor; 0 = no node the release table
-- knows), so that the catalogue can filter "works with n8n 1.x". Filled at start for files uploaded before.
alter table workflow add column n8n_minimum integer;
