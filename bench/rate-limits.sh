#!/usr/bin/env bash
# What rate limits shared by every server process cost per request (issue 25): the same server and reads with
# the buckets in PostgreSQL (CAREBOOK_RATE_LIMIT_STORE=database, the default) and in the process (=process),
# one after the other on one embedded database, then pgbench running the bucket's upsert alone: its ceiling.
# Usage: bench/rate-limits.sh [seconds per measurement]   (needs pgbench: installed from Debian when root)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN=${1:-20}
DATA=target/bench-rate-limits
OUT=target/bench
TOKEN=bench-admin-token-0123456789
PORT=18082

command -v pgbench > /dev/null || apt-get install -y postgresql-client > /dev/null
./mvnw -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
rm -rf "$DATA" "$OUT/rate-limit.sql"
mkdir -p "$OUT"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GiB, $(date -u +%Y-%m-%d)"

# Each store twice, alternating, so that a slow start of one JVM does not decide the comparison.
for store in database process database process; do
  CAREBOOK_DATA_DIR=$DATA CAREBOOK_ADMIN_TOKEN=$TOKEN CAREBOOK_DEMO=false CAREBOOK_RATE_LIMIT_PER_SECOND=1000000 \
    CAREBOOK_RATE_LIMIT_PER_IP_PER_SECOND=1000000 CAREBOOK_RATE_LIMIT_STORE=$store CAREBOOK_NOTIFICATION_POLL=PT0S \
    SERVER_PORT=$PORT java ${SERVER_JAVA_OPTS:-} -jar target/carebook-*.jar > "$OUT/rate-limits-$store.log" 2>&1 &
  SERVER=$!
  trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
  until curl -sf "http://localhost:$PORT/actuator/health/readiness" > /dev/null; do
    kill -0 "$SERVER" 2> /dev/null || { echo "the server did not start; see $OUT/rate-limits-$store.log" >&2; exit 1; }
    sleep 0.5
  done
  java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" org.carebook.bench.RateLimitBench \
    "http://localhost:$PORT" "$TOKEN" "$SERVER" "$SECONDS_TO_RUN" "$store"
  if [ "$store" = database ] && [ ! -f "$OUT/rate-limit.sql" ]; then
    PG_PORT=$(sed -n 4p "$DATA/postgres/postmaster.pid")
    export PGPASSWORD=$(cat "$DATA/postgres.password")
    cat > "$OUT/rate-limit.sql" <<'SQL'
\set n random(1, 10000)
INSERT INTO rate_limit_buckets AS b (name, tat)
VALUES ('bench/' || :n, statement_timestamp() + make_interval(secs => 0.000001))
ON CONFLICT (name) DO UPDATE
    SET tat = greatest(b.tat, statement_timestamp()) + make_interval(secs => 0.000001)
    WHERE greatest(b.tat, statement_timestamp()) + make_interval(secs => 0.000001)
          <= statement_timestamp() + make_interval(secs => 1)
RETURNING extract(epoch FROM tat - statement_timestamp());
SQL
    echo "ceiling: the bucket's upsert alone (pgbench, 16 clients, ${SECONDS_TO_RUN} s, same database):" \
      "$(pgbench -n -M prepared -f "$OUT/rate-limit.sql" -c 16 -j 2 -T "$SECONDS_TO_RUN" -h localhost -p "$PG_PORT" \
          -U postgres carebook | awk '/^tps/ { printf "%.0f tps", $3 }')"
  fi
  kill $SERVER; wait $SERVER 2>/dev/null || true
  trap - EXIT
done
