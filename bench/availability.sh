#!/usr/bin/env bash
# Availability over HTTP beside the raw busy-interval query, in one run on one machine.
# Usage: bench/availability.sh [seconds] [concurrency]
# Needs wrk and pgbench (Debian: apt-get install wrk postgresql-client); installs them when run as root.
# SERVER_JAVA_OPTS is passed to the server's JVM, e.g. "-XX:StartFlightRecording=filename=target/bench.jfr".
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN=${1:-20}
CONCURRENCY=${2:-16}
DATA=target/bench-data
TOKEN=bench-admin-token-0123456789
PORT=18080

for tool in wrk:wrk pgbench:postgresql-client psql:postgresql-client; do
  command -v "${tool%%:*}" > /dev/null || apt-get install -y "${tool#*:}" > /dev/null
done

# Seconds of CPU used so far by each kind of process, counting finished children in their parent:
# PostgreSQL's ended backends in "postgres", and the load tool this script ran and waited for in "bash".
cpu_by_process() {
  for stat in /proc/[0-9]*/stat; do cat "$stat" 2>/dev/null; done \
    | awk '{ name = $2; sub(/^\(/, "", name); sub(/\).*/, "", name);
             n = split($0, f, ") "); split(f[n], rest, " ");
             used[name] += (rest[12] + rest[13] + rest[14] + rest[15]) / 100 }
           END { for (k in used) if (used[k] > 0) print k, used[k] }'
}

# CPU milliseconds per request of each kind of process between two snapshots.
cpu_per_request() {
  awk -v n="$3" 'FNR == NR { before[$1] = $2; next }
                 { d = $2 - before[$1]; name = ($1 == "java" ? "server" : $1 == "bash" ? "load tool" : $1);
                   if (d > 0.05) printf "%s %.2f ms  ", name, d * 1000 / n }
                 END { print "" }' "$1" "$2"
}

./mvnw -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
rm -rf "$DATA"
SERVER=
start_server() { # $1: CAREBOOK_AVAILABILITY_CACHE_MB
  CAREBOOK_DATA_DIR=$DATA CAREBOOK_ADMIN_TOKEN=$TOKEN CAREBOOK_DEMO=false CAREBOOK_RATE_LIMIT_PER_SECOND=1000000 CAREBOOK_RATE_LIMIT_PER_IP_PER_SECOND=1000000 \
    CAREBOOK_AVAILABILITY_CACHE_MB=$1 SERVER_PORT=$PORT java ${SERVER_JAVA_OPTS:-} -jar target/carebook-*.jar \
    > "target/bench-server-cache-$1.log" 2>&1 &
  SERVER=$!
  until curl -sf "http://localhost:$PORT/actuator/health/readiness" > /dev/null; do
  kill -0 "$SERVER" 2> /dev/null || { echo "the server did not start; see its log in target/" >&2; exit 1; }
  sleep 0.5
done
}
stop_server() {
  kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true
}
trap stop_server EXIT

# One measurement of the endpoint: warm-up, then wrk with percentiles and CPU per request.
measure() { # $1: label
  wrk -t 2 -c "$CONCURRENCY" -d 10s -H "Authorization: Bearer $KEY" "$URL" > /dev/null
  echo "GET /v1/availability, $1 (wrk, $CONCURRENCY connections, ${SECONDS_TO_RUN} s):"
  cpu_by_process > target/cpu-before.txt
  wrk -t 2 -c "$CONCURRENCY" -d "${SECONDS_TO_RUN}s" --latency -H "Authorization: Bearer $KEY" "$URL" | tee target/wrk.txt \
    | grep -E 'Requests/sec|^ +(50|99)%|Non-2xx|Socket errors'
  cpu_by_process > target/cpu-after.txt
  REQUESTS=$(awk '/requests in/ { print $1 }' target/wrk.txt)
  echo "cpu per request: $(cpu_per_request target/cpu-before.txt target/cpu-after.txt "$REQUESTS")"
}

start_server 32
java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" org.carebook.bench.AvailabilityBenchData \
  "http://localhost:$PORT" "$TOKEN" target/availability-request.txt target/busy-intervals.sql
KEY=$(sed -n 1p target/availability-request.txt)
URL="http://localhost:$PORT$(sed -n 2p target/availability-request.txt)"
PG_PORT=$(sed -n 4p "$DATA/postgres/postmaster.pid")
export PGPASSWORD=$(cat "$DATA/postgres.password")   # the embedded database asks for its password
# What autovacuum would soon do on its own; every measurement below then sees the same settled tables.
psql -q -h localhost -p "$PG_PORT" -U postgres carebook -c "VACUUM ANALYZE"

measure "answers cached (no writes meanwhile)"
stop_server
start_server 0
PG_PORT=$(sed -n 4p "$DATA/postgres/postmaster.pid")
measure "cache off: every request computed"

echo "raw query (pgbench, same machine, same data, $CONCURRENCY clients, ${SECONDS_TO_RUN} s):"
cpu_by_process > target/cpu-before.txt
pgbench -n -f target/busy-intervals.sql -c "$CONCURRENCY" -j 2 -T "$SECONDS_TO_RUN" -h localhost -p "$PG_PORT" -U postgres carebook \
  > target/pgbench.txt
cpu_by_process > target/cpu-after.txt
grep -E 'latency average|tps' target/pgbench.txt
TRANSACTIONS=$(awk '/number of transactions actually processed/ { print $NF }' target/pgbench.txt)
echo "cpu per query: $(cpu_per_request target/cpu-before.txt target/cpu-after.txt "$TRANSACTIONS")"
