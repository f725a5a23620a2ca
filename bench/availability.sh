#!/usr/bin/env bash
# Availability over HTTP beside the raw busy-interval query, in one run on one machine.
# Usage: bench/availability.sh [seconds] [concurrency]     (needs pgbench: apt-get install postgresql-client)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN=${1:-20}
CONCURRENCY=${2:-16}
DATA=target/bench-data
TOKEN=bench-admin-token-0123456789
PORT=18080

./mvnw -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
rm -rf "$DATA"
CAREBOOK_DATA_DIR=$DATA CAREBOOK_ADMIN_TOKEN=$TOKEN CAREBOOK_DEMO=false CAREBOOK_RATE_LIMIT_PER_SECOND=1000000 \
  SERVER_PORT=$PORT java -jar target/carebook-*.jar > target/bench-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
until curl -sf "http://localhost:$PORT/actuator/health/readiness" > /dev/null; do sleep 0.5; done

java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" org.carebook.bench.AvailabilityLoad \
  "http://localhost:$PORT" "$TOKEN" "$SECONDS_TO_RUN" "$CONCURRENCY" target/busy-intervals.sql

PG_PORT=$(sed -n 4p "$DATA/postgres/postmaster.pid")
echo "raw query (pgbench, same machine, same data):"
pgbench -n -f target/busy-intervals.sql -c "$CONCURRENCY" -j 2 -T "$SECONDS_TO_RUN" -h localhost -p "$PG_PORT" -U postgres carebook \
  | grep -E 'latency average|tps'
