-- What each generation cost its account: one row per provider and model it used, written when the
-- generation ends (completed, failed or stopped by its budget), so spend is accounted for even
-- when nothing was stored. job_id is set by durable jobs (a foreign key can be added with the jobs
-- table); content_id is kept when the document is deleted, since the money was spent.
create table usage_ledger (
    id                 uuid primary key,
    account_id         uuid not null references accounts (id) on delete cascade,
    job_id             uuid,
    content_id         uuid references contents (id) on delete set null,
    kind               text not null,
    outcome            text not null check (outcome in ('completed', 'failed')),
    provider           text not null,
    model              text not null,
    calls              integer not null check (calls >= 0),
    cached_calls       integer not null check (cached_calls >= 0),
    prompt_tokens      bigint not null check (prompt_tokens >= 0),
    completion_tokens  bigint not null check (completion_tokens >= 0),
    cost_usd           numeric(14, 6) not null check (cost_usd >= 0),
    created_at         timestamptz not null default now()
);

create index usage_ledger_account_created on usage_ledger (account_id, created_at desc);
create index usage_ledger_job on usage_ledger (job_id) where job_id is not null;
