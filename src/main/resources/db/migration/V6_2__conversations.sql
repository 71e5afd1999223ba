-- Conversations: the messages of a user's exchange about one piece of content. Chosen by the
-- client (conversation_id of a generation), owned by one account, purged 30 days after their last
-- activity. Live events (tokens, progress) are not kept here: they go to the event log (a capped
-- Redis Stream per conversation, or memory in embedded mode); messages are kept here for good.
create table conversations (
    id              text primary key,
    owner_id        uuid not null references accounts (id) on delete cascade,
    content_id      uuid references contents (id) on delete set null,
    created_at      timestamptz not null default now(),
    last_active_at  timestamptz not null default now()
);

create index conversations_last_active on conversations (last_active_at);

create table conversation_messages (
    conversation_id  text not null references conversations (id) on delete cascade,
    position         bigint not null,
    role             text not null check (role in ('user', 'assistant', 'system')),
    content          text not null,
    job_id           uuid,
    created_at       timestamptz not null default now(),
    primary key (conversation_id, position)
);
