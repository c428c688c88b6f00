#!/bin/sh
# Builds the gateway's container base image without a Docker daemon or a registry: a Debian bookworm root
# file system made by debootstrap with the OpenJDK 17 runtime, packed as a `docker save`-format image tar
# (manifest.json + config.json + one layer) that Jib reads as a `tar://` base (see docs/operations.md,
# "Container image"). Needs root (debootstrap, chroot), debootstrap and python3, and a reachable Debian mirror.
#
#   sudo src/image/build-base.sh [OUTPUT.tar]      # default: target/image/passerelle-base.tar
#
# Environment: DEBIAN_MIRROR (default http://deb.debian.org/debian), SOURCE_DATE_EPOCH (file times and the
# image's creation date; default: the time of the build).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
out=${1:-$repo/target/image/passerelle-base.tar}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
epoch=${SOURCE_DATE_EPOCH:-$(date +%s)}

[ "$(id -u)" -eq 0 ] || { echo "build-base.sh: debootstrap needs root" >&2; exit 2; }
command -v debootstrap >/dev/null || { echo "build-base.sh: apt-get install debootstrap" >&2; exit 2; }

work=$(mktemp -d)
rootfs=$work/rootfs
trap 'umount "$rootfs/proc" 2>/dev/null || true; rm -rf "$work"' EXIT

# minbase: dpkg, apt and the essential packages only; the JRE brings its own dependencies (no X11: headless).
debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates bookworm "$rootfs" "$mirror"

# The runtime works inside the root file system before anything is removed (the launcher finds its libraries
# through /proc/self/exe, as it will in a container).
mount -t proc proc "$rootfs/proc"
chroot "$rootfs" java -version
umount "$rootfs/proc"

# What a container never needs: package caches and lists, documentation, locales other than C, device nodes
# (the container runtime provides /dev).
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc/* \
       "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* "$rootfs"/var/log/* "$rootfs"/dev/*
find "$rootfs"/usr/share/locale -mindepth 1 -maxdepth 1 ! -name 'locale.alias' -exec rm -rf {} +
# The gateway's working directory (its ./data: embedded H2, extracted terminology), owned by the unprivileged
# user the image runs as (nobody, uid 65534).
mkdir -p "$rootfs"/var/lib/passerelle
chown 65534:65534 "$rootfs"/var/lib/passerelle

# One layer, byte-reproducible for a given root file system: sorted names, numeric owners, fixed times.
tar --sort=name --numeric-owner --mtime="@$epoch" --clamp-mtime -C "$rootfs" -cf "$work/layer.tar" .

python3 - "$work" "$epoch" <<'PY'
import hashlib, json, sys, datetime
work, epoch = sys.argv[1], int(sys.argv[2])
digest = hashlib.sha256()
with open(f"{work}/layer.tar", "rb") as layer:
    for chunk in iter(lambda: layer.read(1 << 20), b""):
        digest.update(chunk)
created = datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
java_home = "/usr/lib/jvm/java-17-openjdk-amd64"
config = {
    "architecture": "amd64",
    "os": "linux",
    "created": created,
    "config": {
        "Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                "JAVA_HOME=" + java_home, "LANG=C.UTF-8"],
        "User": "65534:65534",
        "WorkingDir": "/var/lib/passerelle",
    },
    "rootfs": {"type": "layers", "diff_ids": ["sha256:" + digest.hexdigest()]},
    "history": [{"created": created, "created_by": "src/image/build-base.sh: debootstrap bookworm minbase "
                 "+ openjdk-17-jre-headless"}],
}
with open(f"{work}/config.json", "w") as f:
    json.dump(config, f, indent=1)
with open(f"{work}/manifest.json", "w") as f:
    json.dump([{"Config": "config.json", "RepoTags": ["passerelle-base:bookworm-jre17"],
                "Layers": ["layer.tar"]}], f)
PY

mkdir -p "$(dirname "$out")"
tar --sort=name --numeric-owner --mtime="@$epoch" -C "$work" -cf "$out" manifest.json config.json layer.tar
echo "base image: $out ($(du -h "$out" | cut -f1))"
