#!/usr/bin/env bash
# Starts a private dockerd for partner-harness container fakes, or reuses the one already running,
# and prints the environment to use it:  eval "$(scripts/docker/ensure-dockerd.sh)"
# Everything lives under $PARTNER_HARNESS_DOCKER_DIR (default /var/tmp/partner-harness-docker):
# data-root, exec-root, socket, pidfile, log. Stop it with scripts/docker/stop-dockerd.sh.
# Storage driver: overlay2, falling back to vfs; PARTNER_HARNESS_DOCKER_STORAGE_DRIVER forces one.
set -euo pipefail
. "$(dirname "$0")/common.sh"
ph_require_root
ph_lock

print_env() {
  echo "export DOCKER_HOST=unix://$PH_DOCKER_SOCK"
  # No registry is reachable, so testcontainers' Ryuk image can never be pulled.
  echo "export TESTCONTAINERS_RYUK_DISABLED=true"
}

if pid="$(ph_dockerd_pid)"; then
  for _ in $(seq 1 100); do
    if ph_dockerd_answers; then
      ph_log "reusing dockerd pid $pid on $PH_DOCKER_SOCK"
      print_env
      exit 0
    fi
    sleep 0.1
  done
  ph_die "dockerd pid $pid is running but $PH_DOCKER_SOCK does not answer; see $PH_DOCKER_LOG, or run scripts/docker/stop-dockerd.sh"
fi
rm -f "$PH_DOCKER_PIDFILE" "$PH_DOCKER_SOCK"

missing=()
command -v dockerd >/dev/null || missing+=(docker.io)
command -v debootstrap >/dev/null || missing+=(debootstrap)
command -v iptables >/dev/null || missing+=(iptables)
[ -e /usr/share/keyrings/debian-archive-keyring.gpg ] || missing+=(debian-archive-keyring)
if [ "${#missing[@]}" -gt 0 ]; then
  ph_log "installing ${missing[*]}"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
# The Debian package ships a docker.service we never use: policy-rc.d keeps it from starting.

mkdir -p "$PH_DOCKER_DATA" "$PH_DOCKER_EXEC"
chmod 0711 "$PH_DOCKER_DIR"
# Remembered so stop-dockerd.sh can restore it: dockerd turns IP forwarding on.
# dockerd also sets iptables' FORWARD policy to DROP.
if [ ! -e "$PH_DOCKER_DIR/forward-policy.before" ]; then
  iptables -S FORWARD 2>/dev/null | awk '$1 == "-P" { print $3 }' >"$PH_DOCKER_DIR/forward-policy.before" || true
fi
[ -e "$PH_DOCKER_DIR/ip_forward.before" ] || cat /proc/sys/net/ipv4/ip_forward >"$PH_DOCKER_DIR/ip_forward.before"

start_dockerd() { # $1 = storage driver; returns 0 once the socket answers
  local driver="$1" pid
  # 9>&- : dockerd must not inherit the lock, or it would hold it for its whole life.
  ph_log "starting dockerd (storage driver $driver), log $PH_DOCKER_LOG"
  setsid dockerd --storage-driver="$driver" --data-root="$PH_DOCKER_DATA" --exec-root="$PH_DOCKER_EXEC" \
    -H "unix://$PH_DOCKER_SOCK" --pidfile="$PH_DOCKER_PIDFILE" >>"$PH_DOCKER_LOG" 2>&1 </dev/null 9>&- &
  pid=$!
  for _ in $(seq 1 300); do
    if ph_dockerd_answers; then
      echo "$driver" >"$PH_DOCKER_DIR/storage-driver"
      ph_log "dockerd pid $pid ready"
      return 0
    fi
    [ -d "/proc/$pid" ] || { ph_log "dockerd exited; its log ends:"; tail -n 5 "$PH_DOCKER_LOG" >&2; return 1; }
    sleep 0.1
  done
  ph_log "dockerd pid $pid did not answer within 30 s; stopping it"
  kill "$pid" 2>/dev/null || true
  return 1
}

if [ -n "${PARTNER_HARNESS_DOCKER_STORAGE_DRIVER:-}" ]; then
  drivers=("$PARTNER_HARNESS_DOCKER_STORAGE_DRIVER")
elif [ -s "$PH_DOCKER_DIR/storage-driver" ]; then
  # Images built under one driver are invisible under another, so keep the one that worked.
  drivers=("$(cat "$PH_DOCKER_DIR/storage-driver")")
else
  drivers=(overlay2 vfs)
fi
for driver in "${drivers[@]}"; do
  if start_dockerd "$driver"; then
    print_env
    exit 0
  fi
done
ph_die "could not start dockerd with ${drivers[*]}; see $PH_DOCKER_LOG"
