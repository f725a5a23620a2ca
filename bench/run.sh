#!/usr/bin/env bash
# All benchmark scenarios of docs/benchmarks.md in one run: a server on a fresh embedded PostgreSQL, a
# realistic clinic network seeded through the API, then availability, booking, contention and patient
# search over HTTP, each beside pgbench running the SQL it needs against the same database.
# Usage: bench/run.sh [seconds per scenario] [--reuse]   (needs pgbench and psql: installed from Debian when root)
#   --reuse keeps the database seeded by the previous run; BENCH_SCENARIOS=booking,patient-search runs only those.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN=${1:-20}
REUSE=${2:-}
DATA=target/bench-run-data
OUT=target/bench
TOKEN=bench-admin-token-0123456789
PORT=18081

for tool in pgbench:postgresql-client psql:postgresql-client; do
  command -v "${tool%%:*}" > /dev/null || apt-get install -y "${tool#*:}" > /dev/null
done

if curl -s -o /dev/null "http://localhost:$PORT/"; then
  echo "something already listens on port $PORT (a server left from an earlier run?); stop it first" >&2
  exit 1
fi
./mvnw -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
[ "$REUSE" = --reuse ] || rm -rf "$DATA"
rm -rf "$OUT"
mkdir -p "$OUT"
CAREBOOK_DATA_DIR=$DATA CAREBOOK_ADMIN_TOKEN=$TOKEN CAREBOOK_DEMO=false CAREBOOK_RATE_LIMIT_PER_SECOND=1000000 CAREBOOK_RATE_LIMIT_PER_IP_PER_SECOND=1000000 \
  CAREBOOK_NOTIFICATION_POLL=PT0S SERVER_PORT=$PORT java ${SERVER_JAVA_OPTS:-} -jar target/carebook-*.jar \
  > "$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
until curl -sf "http://localhost:$PORT/actuator/health/readiness" > /dev/null; do
  kill -0 "$SERVER" 2> /dev/null || { echo "the server did not start; see its log in target/" >&2; exit 1; }
  sleep 0.5
done
PG_PORT=$(sed -n 4p "$DATA/postgres/postmaster.pid")
export PGPASSWORD=$(cat "$DATA/postgres.password")   # the embedded database asks for its password

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GiB, $(date -u +%Y-%m-%d)"
java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" org.carebook.bench.Scenarios \
  "http://localhost:$PORT" "$TOKEN" "$SERVER" "jdbc:postgresql://localhost:$PG_PORT/carebook?password=$PGPASSWORD" "$OUT" "$SECONDS_TO_RUN" "$DATA/clinic.json"

echo "ceilings (pgbench, 16 clients, ${SECONDS_TO_RUN} s, same database):"
for scenario in $(awk '{ print $1 }' "$OUT/rates.txt"); do
  [ -f "$OUT/$scenario.sql" ] || continue
  tps=$(pgbench -n -M prepared -f "$OUT/$scenario.sql" -c 16 -j 2 -T "$SECONDS_TO_RUN" -h localhost -p "$PG_PORT" -U postgres carebook \
    | awk '/^tps/ { printf "%.0f", $3 }')
  rate=$(awk -v s="$scenario" '$1 == s { print $2 }' "$OUT/rates.txt")
  echo "$scenario: endpoint $rate/s, raw SQL $tps tps, ratio $(awk -v a="$rate" -v b="$tps" 'BEGIN { printf "%.0f %%", 100 * a / b }')"
done
