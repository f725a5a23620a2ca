#!/usr/bin/env bash
# Loads the image Maven built (target/carebook-image.tar) into podman, runs it, and waits until its own health
# check (readiness) passes. With DATABASE_URL set it runs against that PostgreSQL, otherwise on the embedded one.
#
#   deploy/image/smoke.sh                          # needs podman (apt-get install podman runc)
#   DATABASE_URL=postgres://u:p@127.0.0.1:5432/db deploy/image/smoke.sh
set -euo pipefail

image=localhost/carebook:${CAREBOOK_VERSION:-0.1.0-SNAPSHOT}
name=carebook-smoke-$$
# Sandboxes (CI machines among them) may refuse the runtime's default limits and cgroup setup: ask for modest
# limits and runc, which copes with hybrid cgroups.
run_flags=(--runtime runc --network host --ulimit nofile=4096:4096 --ulimit nproc=4096:4096 --health-interval disable)

podman load --quiet -i target/carebook-image.tar
trap 'podman logs "$name" 2>&1 | tail -40; podman rm -f "$name" >/dev/null 2>&1 || true' EXIT

env_flags=()
if [ -n "${DATABASE_URL:-}" ]; then
  env_flags+=(-e "DATABASE_URL=$DATABASE_URL")
fi
podman run -d --name "$name" "${run_flags[@]}" "${env_flags[@]}" "$image" >/dev/null

[ "$(podman exec "$name" id -u)" != 0 ] || { echo "the image runs as root" >&2; exit 1; }
SECONDS=0
while [ "$SECONDS" -lt 120 ]; do
  if podman healthcheck run "$name" >/dev/null 2>&1; then
    echo "healthy after ${SECONDS} s, as user $(podman exec "$name" id -un)"
    curl -fsS http://127.0.0.1:8080/actuator/health/readiness
    echo
    trap 'podman rm -f "$name" >/dev/null 2>&1 || true' EXIT
    exit 0
  fi
  if [ "$(podman inspect -f '{{.State.Running}}' "$name")" != true ]; then
    echo "the container stopped" >&2
    exit 1
  fi
  sleep 1
done
echo "not healthy after 120 s" >&2
exit 1
