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
