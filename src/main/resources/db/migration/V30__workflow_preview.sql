-- The free preview a seller offers for a workflow: none (no row), derived from the latest version when it is
-- downloaded (credentials, code and secrets removed), or a file the seller uploaded. An uploaded file's node
-- counts are kept so the workflow page can state its limits without reading the file.
create table workflow_preview (
    workflow_id    uuid        primary key references workflow (id) on delete cascade,
    mode           varchar(10) not null check (mode in ('DERIVED', 'UPLOADED')),
    file_key       text,
    file_name      text,
    nodes          int         not null default 0,
    disabled_nodes int         not null default 0,
    updated_at     timestamptz not null,
    check (mode = 'DERIVED' or file_key is not null)
);
