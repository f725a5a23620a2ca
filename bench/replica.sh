#!/usr/bin/env bash
# The replica scenario of docs/benchmarks.md: availability throughput with every answer computed afresh (the
# answer cache off), first with the primary alone, then with a hot standby beside it
# (CAREBOOK_READ_DATABASE_URL), on the same seeded clinic network. The primary and the standby are Debian's
# PostgreSQL (initdb, pg_basebackup -R), on loopback; pgbench runs the availability SQL against each for the
# ceilings. Usage: bench/replica.sh [seconds per run]   (needs postgresql and postgresql-client)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN=${1:-20}
OUT=target/bench-replica
TOKEN=bench-admin-token-0123456789
PORT=18082
PRIMARY_PORT=55432
STANDBY_PORT=55433
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
[ -x "$BIN/initdb" ] || { echo "no PostgreSQL server in /usr/lib/postgresql (apt-get install postgresql)" >&2; exit 1; }

# PostgreSQL refuses to run as root: as root, the clusters belong to Debian's postgres user.
as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

./mvnw -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
rm -rf "$OUT"
mkdir -p "$OUT"
CLUSTERS=$(mktemp -d /tmp/carebook-replica-bench.XXXXXX)
[ "$(id -u)" -eq 0 ] && chown postgres: "$CLUSTERS"
SERVER=
stop_all() {
  [ -n "$SERVER" ] && { kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true; }
  for cluster in standby primary; do
    [ -f "$CLUSTERS/$cluster/postmaster.pid" ] && as_owner "$BIN/pg_ctl" -D "$CLUSTERS/$cluster" stop -m fast > /dev/null
  done
  rm -rf "$CLUSTERS"
}
trap stop_all EXIT

# Loopback only, trusted: a throw-away pair for measuring, reachable from nowhere else.
as_owner "$BIN/initdb" -A trust -U postgres -D "$CLUSTERS/primary" -E UTF-8 --locale=C > /dev/null
cat >> "$CLUSTERS/primary/postgresql.auto.conf" <<EOF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$CLUSTERS'
port = $PRIMARY_PORT
max_connections = 200
shared_buffers = '512MB'
timezone = 'UTC'
EOF
as_owner "$BIN/pg_ctl" -D "$CLUSTERS/primary" -l "$CLUSTERS/primary.log" -w start > /dev/null
psql -q -h 127.0.0.1 -p $PRIMARY_PORT -U postgres -c "CREATE DATABASE carebook" postgres
as_owner "$BIN/pg_basebackup" -h 127.0.0.1 -p $PRIMARY_PORT -U postgres -D "$CLUSTERS/standby" -R -X stream -c fast
cat >> "$CLUSTERS/standby/postgresql.auto.conf" <<EOF
port = $STANDBY_PORT
hot_standby_feedback = on
EOF
as_owner "$BIN/pg_ctl" -D "$CLUSTERS/standby" -l "$CLUSTERS/standby.log" -w start > /dev/null

PRIMARY_URL=postgres://postgres@127.0.0.1:$PRIMARY_PORT/carebook
STANDBY_URL=postgres://postgres@127.0.0.1:$STANDBY_PORT/carebook
JDBC=jdbc:postgresql://127.0.0.1:$PRIMARY_PORT/carebook

# One run: a server with the given settings, the availability scenario, the standby's counters.
run() {
  local name=$1; shift
  env "$@" DATABASE_URL=$PRIMARY_URL CAREBOOK_ADMIN_TOKEN=$TOKEN CAREBOOK_DEMO=false CAREBOOK_AVAILABILITY_CACHE_MB=0 \
    CAREBOOK_RATE_LIMIT_PER_SECOND=1000000 CAREBOOK_RATE_LIMIT_PER_IP_PER_SECOND=1000000 CAREBOOK_NOTIFICATION_POLL=PT0S \
    SERVER_PORT=$PORT java ${SERVER_JAVA_OPTS:-} -jar target/carebook-*.jar > "$OUT/server-$name.log" 2>&1 &
  SERVER=$!
  until curl -sf "http://localhost:$PORT/actuator/health/readiness" > /dev/null; do
    kill -0 "$SERVER" 2> /dev/null || { echo "the server did not start; see $OUT/server-$name.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "== $name"
  BENCH_SCENARIOS=availability java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
    org.carebook.bench.Scenarios "http://localhost:$PORT" "$TOKEN" "$SERVER" "$JDBC" "$OUT/$name" "$SECONDS_TO_RUN" \
    "$OUT/clinic.json" | grep -v '^overlapping'
  curl -s "http://localhost:$PORT/actuator/prometheus" | grep '^carebook_availability_standby_total' || true
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GiB, PostgreSQL $("$BIN/postgres" --version | awk '{ print $3 }'), $(date -u +%Y-%m-%d)"
# Alternately, twice each: this VM's speed drifts within minutes, and one pair alone can mislead.
for round in 1 2; do
  run primary-alone-$round CAREBOOK_READ_DATABASE_URL=
  # The standby has replayed the seeding first, so the next run measures reads, not catching up.
  until [ "$(psql -XAtq -h 127.0.0.1 -p $PRIMARY_PORT -U postgres -c "SELECT count(*) FROM pg_stat_replication WHERE replay_lsn = pg_current_wal_lsn()" postgres)" = 1 ]; do
    sleep 0.5
  done
  run with-standby-$round CAREBOOK_READ_DATABASE_URL=$STANDBY_URL
done

echo "ceilings (pgbench, bench/pgbench/availability.sql, 16 clients, ${SECONDS_TO_RUN} s):"
for target in primary:$PRIMARY_PORT standby:$STANDBY_PORT; do
  tps=$(pgbench -n -M prepared -f "$OUT/with-standby-1/availability.sql" -c 16 -j 2 -T "$SECONDS_TO_RUN" \
    -h 127.0.0.1 -p "${target#*:}" -U postgres carebook | awk '/^tps/ { printf "%.0f", $3 }')
  echo "${target%%:*}: $tps tps"
done
for name in primary-alone-1 with-standby-1 primary-alone-2 with-standby-2; do
  echo "$name: $(awk '$1 == "availability" { print $2 }' "$OUT/$name/rates.txt") answers/s"
done
