-- Durable jobs: every generation runs as one. A worker claims a job with FOR UPDATE SKIP LOCKED and
-- holds it by a lease it renews (heartbeat); when the lease expires (the worker died), any node
-- claims it again and the handler resumes from the checkpoint, which is written by the same
-- statement that records the step, progress and usage so far.
create table jobs (
    id                uuid primary key,
    kind              text not null,
    owner_id          uuid not null references accounts (id) on delete cascade,
    conversation_id   text,
    status            text not null check (status in ('queued', 'running', 'completed', 'failed', 'cancelled')),
    payload           jsonb not null,
    checkpoint        jsonb,
    step              text,
    progress          integer not null default 0 check (progress between 0 and 100),
    attempts          integer not null default 0,
    max_attempts      integer not null check (max_attempts > 0),
    run_after         timestamptz not null default now(),
    lease_owner       text,
    lease_until       timestamptz,
    cancel_requested  boolean not null default false,
    result_id         uuid,
    usage             jsonb,
    error             text,
    error_kind        text,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    finished_at       timestamptz
);

-- The claim query's two paths: due queued jobs, and running jobs whose lease ran out.
create index jobs_due on jobs (run_after) where status = 'queued';
create index jobs_leased on jobs (lease_until) where status = 'running';
create index jobs_owner_created on jobs (owner_id, created_at desc);
