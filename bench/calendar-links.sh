#!/usr/bin/env bash
# The cost of polling linked calendars (docs/benchmarks.md, "Linked calendars"): a server on a fresh embedded
# PostgreSQL, N .ics files served with ETags on loopback, N clinicians each with one linked calendar polled every
# minute; prints CPU (server, PostgreSQL) and database work for the first read of all and for one unchanged poll.
# Usage: bench/calendar-links.sh [links, default 1000]   (needs psql and python3)
set -euo pipefail
cd "$(dirname "$0")/.."
LINKS=${1:-1000}
DATA=target/bench-calendar-data
TOKEN=bench-admin-token-0123456789
PORT=18082

command -v psql > /dev/null || apt-get install -y postgresql-client > /dev/null
[ -f target/carebook-*.jar ] 2> /dev/null || ./mvnw -q -DskipTests -Djib.skip package
rm -rf "$DATA"
CAREBOOK_DATA_DIR=$DATA CAREBOOK_ADMIN_TOKEN=$TOKEN CAREBOOK_DEMO=false CAREBOOK_RATE_LIMIT_PER_SECOND=1000000 \
  CAREBOOK_RATE_LIMIT_PER_IP_PER_SECOND=1000000 CAREBOOK_WEBHOOKS_ALLOW_PRIVATE=true CAREBOOK_CALENDAR_POLL=PT1S \
  SERVER_PORT=$PORT java -jar target/carebook-*.jar > target/bench-calendar-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
until curl -sf "http://localhost:$PORT/actuator/health/readiness" > /dev/null; do
  kill -0 "$SERVER" 2> /dev/null || { echo "the server did not start; see target/bench-calendar-server.log" >&2; exit 1; }
  sleep 0.5
done
export PGHOST=localhost PGPORT=$(sed -n 4p "$DATA/postgres/postmaster.pid") PGUSER=postgres PGDATABASE=carebook
export PGPASSWORD=$(cat "$DATA/postgres.password")
echo "machine: $(nproc) cores, $(date -u +%Y-%m-%d)"
python3 bench/calendar-links.py "http://localhost:$PORT" "$TOKEN" "$SERVER" target/bench-calendar-pg.pids "$LINKS"

# The database's ceiling for the same work, beside it: what an unchanged poll asks of PostgreSQL (lease one due
# link, record the read) and what a changed one asks (lock the link, read its rows, replace one busy time), as
# pgbench transactions on the same database, 2 clients (one per core), 15 s each.
command -v pgbench > /dev/null || apt-get install -y postgresql-client > /dev/null
cat > target/bench-calendar-unchanged.sql <<'SQL'
\set n random(0, 999)
UPDATE calendar_links SET next_poll_at = now() + interval '1 minute'
 WHERE id = (SELECT id FROM calendar_links ORDER BY id OFFSET :n LIMIT 1);
UPDATE calendar_links SET sync_status = 'synced', polled_at = now(),
       next_poll_at = now() + make_interval(secs => poll_seconds)
 WHERE id = (SELECT id FROM calendar_links ORDER BY id OFFSET :n LIMIT 1);
SQL
cat > target/bench-calendar-changed.sql <<'SQL'
\set n random(0, 999)
BEGIN;
SELECT id FROM calendar_links WHERE id = (SELECT id FROM calendar_links ORDER BY id OFFSET :n LIMIT 1) FOR UPDATE;
SELECT owner_id, lower(blocked), upper(blocked) FROM blocking_intervals
 WHERE calendar_link_id = (SELECT id FROM calendar_links ORDER BY id OFFSET :n LIMIT 1) FOR UPDATE;
DELETE FROM blocking_intervals WHERE owner_id = (SELECT owner_id FROM blocking_intervals
 WHERE calendar_link_id = (SELECT id FROM calendar_links ORDER BY id OFFSET :n LIMIT 1)
 ORDER BY lower(blocked) DESC LIMIT 1);
INSERT INTO blocking_intervals (owner_id, clinician_id, blocked, attended, exclusive, calendar_link_id)
SELECT 'xbusy_' || md5(random()::text), clinician_id,
       tstzrange(now() + interval '400 days', now() + interval '400 days 45 minutes'),
       tstzrange(now() + interval '400 days', now() + interval '400 days 45 minutes'), false, id
  FROM calendar_links ORDER BY id OFFSET :n LIMIT 1;
UPDATE calendar_links SET sync_status = 'synced', polled_at = now(), busy_count = 41
 WHERE id = (SELECT id FROM calendar_links ORDER BY id OFFSET :n LIMIT 1);
COMMIT;
SQL
for kind in unchanged changed; do
  tps=$(pgbench -n -f "target/bench-calendar-$kind.sql" -c 2 -j 2 -T 15 -h localhost -p "$PGPORT" -U postgres carebook \
    | awk '/^tps/ { printf "%.0f", $3 }')
  echo "ceiling, $kind poll's SQL: $tps tps"
done
