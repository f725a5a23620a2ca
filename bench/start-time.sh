#!/usr/bin/env bash
# Start-up time to readiness, the way production starts the server: the jar extracted (its classes and
# libraries as plain jars, as in the image), the image's JVM flags, and the class cache of a training run
# (the AOT cache on JDK 25+, a CDS archive on 17–24), on an existing data directory with the embedded
# PostgreSQL. Prints each run, then `median N.N s, rss N MB`; exits 1 when the median is above the limit.
#
#   bench/start-time.sh [runs]          # 5 by default; JAVA_HOME chooses the JDK
#   START_TIME_LIMIT_MS=3000            # the limit (docs/benchmarks.md)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
LIMIT_MS=${START_TIME_LIMIT_MS:-3000}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
WORK=target/start-time
APP=$WORK/app
PORT=${START_TIME_PORT:-18082}
FLAGS=(-XX:MaxRAMPercentage=75)   # the image's (pom.xml, jib-maven-plugin)
export CAREBOOK_DATA_DIR=$WORK/data CAREBOOK_ADMIN_TOKEN=start-time-admin-token-0123456789 SERVER_PORT=$PORT

if curl -s -o /dev/null "http://localhost:$PORT/"; then
  echo "something already listens on port $PORT; stop it first" >&2
  exit 1
fi
jar=$(ls target/carebook-*.jar 2> /dev/null | head -1 || true)
if [ -z "$jar" ]; then
  ./mvnw -q -B -DskipTests package
  jar=$(ls target/carebook-*.jar | head -1)
fi
rm -rf "$APP"
"$JAVA" -Djarmode=tools -jar "$jar" extract --destination "$APP" > /dev/null
main_jar=$APP/$(basename "$jar")

version=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ { print $2 }')
if [ "${version%%.*}" -ge 25 ]; then
  TRAIN=(-XX:AOTCacheOutput="$APP/carebook.aot")
  USE=(-XX:AOTCache="$APP/carebook.aot")
else
  TRAIN=(-XX:ArchiveClassesAtExit="$APP/carebook.jsa")
  USE=(-XX:SharedArchiveFile="$APP/carebook.jsa")
fi

# The training run: starts the application up to a refreshed context and exits, leaving the cache (and the
# data directory, made now if missing, so the timed runs start on an existing one).
"$JAVA" "${FLAGS[@]}" "${TRAIN[@]}" -Dspring.context.exit=onRefresh -jar "$main_jar" > "$WORK/training.log" 2>&1 ||
  { tail -20 "$WORK/training.log" >&2; exit 1; }

millis() { date +%s%3N; }
times=()
for run in $(seq "$RUNS"); do
  started=$(millis)
  "$JAVA" "${FLAGS[@]}" "${USE[@]}" -jar "$main_jar" > "$WORK/run-$run.log" 2>&1 &
  server=$!
  until curl -sf -o /dev/null "http://localhost:$PORT/actuator/health/readiness"; do
    kill -0 "$server" 2> /dev/null || { tail -20 "$WORK/run-$run.log" >&2; exit 1; }
    sleep 0.1   # a poll costs a process start: more often would slow the start it measures
  done
  took=$(($(millis) - started))
  rss=$(($(ps -o rss= -p "$server") / 1024))
  kill "$server"
  wait "$server" || true
  echo "run $run: ready in $took ms, rss $rss MB"
  times+=("$took $rss")
done

echo "java $version, $(nproc) cores"
printf '%s\n' "${times[@]}" | sort -n | awk -v limit="$LIMIT_MS" '
  { t[NR] = $1; r[NR] = $2 }
  END {
    m = int((NR + 1) / 2)
    printf "median %.1f s, rss %d MB\n", t[m] / 1000, r[m]
    exit t[m] > limit ? 1 : 0
  }'
