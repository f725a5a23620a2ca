#!/usr/bin/env bash
# Makes the base of Carebook's container image from Debian packages alone, for machines that reach Debian's
# mirrors but no container registry: a minimal bookworm (debootstrap) with a headless Java 17 runtime and curl
# for the health check, a non-root user, and the health check itself, written as a docker-archive tar that Jib
# takes as its base (tar://). Elsewhere the pom's default base, a public JRE image, gives the same layout.
#
#   sudo deploy/image/base-image.sh [OUT]     # OUT defaults to target/base-image/debian-jre17.tar
#
# Needs root (debootstrap), debootstrap, and about 3 minutes.
set -euo pipefail

out=${1:-target/base-image/debian-jre17.tar}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
uid=10001

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rootfs=$work/rootfs

debootstrap --variant=minbase --include=openjdk-17-jre-headless,curl,ca-certificates \
    bookworm "$rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 || { tail -40 "$work/debootstrap.log"; exit 1; }

# The server's user, and the one directory it writes (the embedded PostgreSQL, when no DATABASE_URL is given).
chroot "$rootfs" groupadd --system --gid "$uid" carebook
chroot "$rootfs" useradd --system --uid "$uid" --gid "$uid" --home-dir /var/lib/carebook --shell /usr/sbin/nologin carebook
install -d -o "$uid" -g "$uid" -m 0750 "$rootfs/var/lib/carebook"

# What a runtime image does not need.
rm -rf "$rootfs"/var/cache/apt/* "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/log/* \
    "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* "$rootfs"/tmp/*
find "$rootfs/usr/share/locale" -mindepth 1 -maxdepth 1 ! -name 'locale.alias' -exec rm -rf {} +

java_home=$(dirname "$(dirname "$(readlink -f "$rootfs/usr/bin/java" | sed "s#^$rootfs##")")")

# One layer; the image's id is the digest of its config, as `docker save` writes it.
tar --numeric-owner --xattrs -C "$rootfs" -cf "$work/layer.tar" .
layer=$(sha256sum "$work/layer.tar" | cut -d' ' -f1)
mkdir -p "$work/image/$layer"
mv "$work/layer.tar" "$work/image/$layer/layer.tar"

second=1000000000
cat >"$work/config.json" <<JSON
{
  "architecture": "amd64",
  "os": "linux",
  "config": {
    "User": "$uid:$uid",
    "WorkingDir": "/var/lib/carebook",
    "Env": [
      "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
      "JAVA_HOME=$java_home",
      "LANG=C.UTF-8",
      "CAREBOOK_DATA_DIR=/var/lib/carebook"
    ],
    "Healthcheck": {
      "Test": ["CMD", "curl", "--fail", "--silent", "--max-time", "2", "http://127.0.0.1:8080/actuator/health/readiness"],
      "Interval": $((10 * second)),
      "Timeout": $((3 * second)),
      "StartPeriod": $((60 * second)),
      "Retries": 3
    }
  },
  "rootfs": {"type": "layers", "diff_ids": ["sha256:$layer"]},
  "history": [{"created_by": "deploy/image/base-image.sh: debootstrap bookworm minbase, openjdk-17-jre-headless, curl"}]
}
JSON
config=$(sha256sum "$work/config.json" | cut -d' ' -f1)
mv "$work/config.json" "$work/image/$config.json"
printf '[{"Config":"%s.json","RepoTags":["carebook-base:bookworm-jre17"],"Layers":["%s/layer.tar"]}]\n' \
    "$config" "$layer" >"$work/image/manifest.json"

mkdir -p "$(dirname "$out")"
# Entries without a leading "./", which Jib refuses to unpack.
(cd "$work/image" && tar -cf - manifest.json "$config.json" "$layer") >"$out"
echo "$out: $(du -h "$out" | cut -f1), java at $java_home"
