-- Rate limits shared by every server process (issue 25): behind N processes a client gets the rate once,
-- not N times. One row per bucket, kept as GCRA's "theoretical arrival time": a bucket of C requests per
-- period P lets a request through when, after adding P/C to it, it is no more than P ahead of now. One
-- upsert per request decides and records atomically. Unlogged: a crash forgets the buckets (they come back
-- full), which costs nothing that matters and saves writing them to the WAL.
CREATE UNLOGGED TABLE rate_limit_buckets (
    name text PRIMARY KEY,
    tat  timestamptz NOT NULL
);
