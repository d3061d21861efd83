-- Full-text search moved to Hibernate Search (Lucene index in the data directory, or Elasticsearch/OpenSearch).
-- The store's name is copied onto its listings so that the index can search it; renames update it.
alter table workflow add column store_name text not null default '';
update workflow w set store_name = s.name from store s where s.id = w.store_id;
drop index if exists workflow_search_idx;
alter table workflow drop column search_vector;
