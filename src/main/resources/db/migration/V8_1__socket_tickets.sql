-- Single-use tickets that let a browser open a WebSocket without its API key in the URL (browsers
-- cannot set headers on a WebSocket). Only a hash is kept; a ticket lives a minute by default and
-- is deleted when it is used, so it opens one socket at most, on any node.
create table socket_tickets (
    ticket_hash      text primary key,
    account_id       uuid not null references accounts (id) on delete cascade,
    conversation_id  text,
    expires_at       timestamptz not null
);

create index socket_tickets_expires on socket_tickets (expires_at);
