-- Where each document was published, so that publishing it again updates the same post or file
-- instead of creating a duplicate. No credentials are ever stored: only what the target answered.
create table publications (
    content_id          uuid not null references contents (id) on delete cascade,
    target              text not null check (target in ('wordpress', 'medium', 'github')),
    -- the site URL, Medium profile or publication, or repository@branch:path
    destination         text not null,
    external_id         text not null,
    url                 text,
    -- the target's version of what was published (GitHub's blob sha)
    revision            text,
    first_published_at  timestamptz not null default now(),
    last_published_at   timestamptz not null default now(),
    primary key (content_id, target, destination)
);
