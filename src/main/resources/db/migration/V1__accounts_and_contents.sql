-- Accounts own everything; API keys are stored as SHA-256 hashes only (keys are 256-bit random
-- values, so a fast hash is enough and lookups stay an index probe).
create table accounts (
    id          uuid primary key,
    name        text not null,
    created_at  timestamptz not null default now()
);

create table api_keys (
    id            uuid primary key,
    account_id    uuid not null references accounts (id) on delete cascade,
    key_hash      text not null unique,
    key_prefix    text not null,
    label         text not null,
    created_at    timestamptz not null default now(),
    last_used_at  timestamptz,
    revoked_at    timestamptz
);

-- Every document as JSONB. The search vector covers every string in the document, so full-text
-- search finds a post by any word of its body.
create table contents (
    id          uuid primary key,
    owner_id    uuid not null references accounts (id) on delete cascade,
    kind        text not null check (kind in ('blog', 'book')),
    title       text not null,
    document    jsonb not null,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    search      tsvector generated always as (jsonb_to_tsvector('english', document, '["string"]')) stored
);

create index contents_owner_created on contents (owner_id, created_at desc, id desc);
create index contents_search on contents using gin (search);
