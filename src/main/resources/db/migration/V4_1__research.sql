-- The research library: the user's own documents (Markdown, text, HTML, PDF) as extracted text with
-- a full-text index. Documents of the library folder are shared by every account (owner_id null);
-- uploaded documents belong to the account that uploaded them.
create table research_documents (
    id             uuid primary key,
    owner_id       uuid references accounts (id) on delete cascade,
    origin         text not null check (origin in ('folder', 'upload')),
    -- library:<relative path> for the folder, library:uploads/<id>/<file name> for uploads
    url            text not null unique,
    path           text not null,
    title          text not null,
    media_type     text not null,
    content        text not null,
    file_sha256    text not null,
    size_bytes     bigint not null,
    indexed_at     timestamptz not null default now(),
    -- The title weighs more than the body. A tsvector holds at most 1 MB, so only the first
    -- 500,000 characters of a document are searchable (the whole text is still read for passages).
    search         tsvector generated always as (
                       setweight(to_tsvector('english', title), 'A')
                       || setweight(to_tsvector('english', left(content, 500000)), 'B')) stored,
    check ((origin = 'folder') = (owner_id is null))
);

create index research_documents_search on research_documents using gin (search);
create index research_documents_owner on research_documents (owner_id, indexed_at desc);
create unique index research_documents_folder_path on research_documents (path) where origin = 'folder';

-- Bumped by every change to the library, so cached local search answers name the revision they
-- came from and are never served after the documents changed.
create table research_library_revision (
    singleton  boolean primary key default true check (singleton),
    revision   bigint not null
);
insert into research_library_revision (singleton, revision) values (true, 0);

create function research_library_changed() returns trigger language plpgsql as $$
begin
    update research_library_revision set revision = revision + 1;
    return null;
end
$$;

create trigger research_documents_changed
    after insert or update or delete on research_documents
    for each row execute function research_library_changed();
