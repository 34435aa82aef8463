#!/usr/bin/env bash
# Makes sure the private dockerd has the offline base image, partner-harness/base:bookworm, that
# the fakes' Dockerfiles build FROM where debian:bookworm-slim cannot be pulled (chosen with
# PARTNER_HARNESS_BASE_IMAGE=partner-harness/base:bookworm, or as the fallback when the pull
# fails). It is a `debootstrap --variant=minbase bookworm` rootfs, `docker import`ed. The rootfs
# tarball is cached at $PARTNER_HARNESS_DOCKER_DIR/base-bookworm.tar and reused when present.
# The Debian mirror comes from this host's /etc/apt/sources.list{,.d/*}; the image's apt sources
# are the host's bookworm, bookworm-updates and bookworm-security entries.
set -euo pipefail
. "$(dirname "$0")/common.sh"
ph_require_root
export DOCKER_HOST="${DOCKER_HOST:-unix://$PH_DOCKER_SOCK}"
docker info >/dev/null 2>&1 || ph_die "no Docker daemon answers on $DOCKER_HOST; run: eval \"\$(scripts/docker/ensure-dockerd.sh)\""
ph_lock

if docker image inspect "$PH_BASE_IMAGE" >/dev/null 2>&1; then
  ph_log "$PH_BASE_IMAGE is present"
  exit 0
fi

# "URI SUITE COMPONENTS..." for every enabled bookworm* entry, one-line (.list) and deb822 (.sources).
apt_entries() {
  local f
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    awk '$1 == "deb" { i = 2; if ($2 ~ /^\[/) { while ($i !~ /\]$/) i++; i++ }
                       if ($(i+1) ~ /^bookworm/) { line = $i; for (j = i+1; j <= NF; j++) line = line " " $j; print line } }' "$f"
  done
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    awk 'function flush() { if (types ~ /(^| )deb( |$)/ && enabled != "no") { n = split(suites, s, " ");
                             for (k = 1; k <= n; k++) if (s[k] ~ /^bookworm/) { split(uris, u, " "); print u[1], s[k], comps } }
                           types = uris = suites = comps = ""; enabled = "" }
         /^[[:space:]]*$/ { flush(); next } /^#/ { next }
         { key = tolower($1); sub(/:$/, "", key); $1 = ""; sub(/^ /, "") }
         key == "types" { types = $0 } key == "uris" { uris = $0 } key == "suites" { suites = $0 }
         key == "components" { comps = $0 } key == "enabled" { enabled = tolower($0) }
         END { flush() }' "$f"
  done
}

entries="$(apt_entries)"
mirror="$(echo "$entries" | awk '$2 == "bookworm" { print $1; exit }')"
[ -n "$mirror" ] || ph_die "no 'bookworm' entry in /etc/apt/sources.list or /etc/apt/sources.list.d/*.{list,sources}; cannot pick a Debian mirror"

if [ ! -s "$PH_BASE_TARBALL" ]; then
  command -v debootstrap >/dev/null || ph_die "debootstrap is missing; scripts/docker/ensure-dockerd.sh installs it"
  work="$(mktemp -d "$PH_DOCKER_DIR/rootfs.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  ph_log "debootstrap --variant=minbase bookworm from $mirror"
  started=$(date +%s.%N)
  debootstrap --variant=minbase bookworm "$work/rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 ||
    { tail -n 20 "$work/debootstrap.log" >&2; ph_die "debootstrap failed"; }
  echo "$entries" | awk '{ print "deb " $0 }' >"$work/rootfs/etc/apt/sources.list"
  rm -rf "$work/rootfs/var/cache/apt/archives/"*.deb "$work/rootfs/var/lib/apt/lists/"* "$work/rootfs/dev/"*
  tar -C "$work/rootfs" --numeric-owner -cf "$PH_BASE_TARBALL.partial" .
  mv "$PH_BASE_TARBALL.partial" "$PH_BASE_TARBALL"
  ph_log "debootstrap + tar took $(echo "$(date +%s.%N) - $started" | bc 2>/dev/null || echo '?') s; cached $PH_BASE_TARBALL"
else
  ph_log "reusing $PH_BASE_TARBALL"
fi

docker import --change 'ENV LANG=C.UTF-8' --change 'CMD ["/bin/bash"]' \
  --change "LABEL org.partner-harness.base=bookworm" "$PH_BASE_TARBALL" "$PH_BASE_IMAGE" >/dev/null
ph_log "imported $PH_BASE_IMAGE"
