#!/usr/bin/env bash
# Stops the private dockerd started by ensure-dockerd.sh and undoes what it did to the host:
# containers we labelled, the dockerd/containerd/shim processes under our exec-root (by PID),
# mounts left under data-root/exec-root (nsfs, overlay, shm), the docker0 bridge, the DOCKER*
# iptables chains with the jumps and MASQUERADE rule that point at them, and ip_forward.
# Keeps the cached base tarball and the data-root (built images), unless --purge (data-root and
# exec-root are removed; the tarball stays).
set -euo pipefail
. "$(dirname "$0")/common.sh"
ph_require_root
purge=false
[ "${1:-}" = "--purge" ] && purge=true
ph_lock

if pid="$(ph_dockerd_pid)"; then
  if ph_dockerd_answers; then
    ids="$(ph_docker ps -aq --filter "label=$PH_LABEL" || true)"
    [ -z "$ids" ] || ph_docker rm -f $ids >/dev/null || true
  fi
  ph_log "stopping dockerd pid $pid"
  kill -TERM "$pid"
  for _ in $(seq 1 200); do [ -d "/proc/$pid" ] || break; sleep 0.1; done
  if [ -d "/proc/$pid" ]; then ph_log "dockerd pid $pid ignored SIGTERM for 20 s; SIGKILL"; kill -KILL "$pid" || true; fi
else
  ph_log "no dockerd running from $PH_DOCKER_PIDFILE"
fi

# A killed dockerd leaves its containerd and shims; they name our exec-root on their command line.
for p in $(pgrep -f -- "$PH_DOCKER_EXEC/" || true); do
  [ "$p" = "$$" ] && continue
  ph_log "killing leftover $(cat "/proc/$p/comm" 2>/dev/null || echo process) pid $p"
  kill -KILL "$p" 2>/dev/null || true
done

# Deepest first, lazily: an nsfs mount of a dead netns cannot be unmounted otherwise.
awk -v a="$PH_DOCKER_EXEC" -v b="$PH_DOCKER_DATA" 'index($5, a) == 1 || index($5, b) == 1 { print $5 }' /proc/self/mountinfo |
  sort -r | while read -r mnt; do umount -l "$mnt" 2>/dev/null && ph_log "unmounted $mnt" || true; done

if pgrep -x dockerd >/dev/null; then
  ph_log "another dockerd is running on this host; leaving docker0 and the DOCKER iptables chains alone"
else
  if ip link show docker0 >/dev/null 2>&1; then ip link delete docker0 && ph_log "removed docker0"; fi
  for ipt in iptables ip6tables; do
    command -v "$ipt" >/dev/null || continue
    for table in filter nat; do
      rules="$("$ipt" -t "$table" -S 2>/dev/null)" || continue
      # Rules in the built-in chains that jump into DOCKER* or name docker0 (the MASQUERADE too).
      echo "$rules" | grep -E '^-A (INPUT|FORWARD|OUTPUT|PREROUTING|POSTROUTING) ' |
        grep -E -- '-j DOCKER|-g DOCKER|docker0' | sed 's/^-A /-D /' |
        while read -r rule; do eval "$ipt -t $table $rule" && ph_log "$ipt -t $table $rule"; done || true
      for chain in $(echo "$rules" | awk '$1 == "-N" && $2 ~ /^DOCKER/ { print $2 }'); do
        "$ipt" -t "$table" -F "$chain" && "$ipt" -t "$table" -X "$chain" && ph_log "$ipt -t $table -X $chain" || true
      done
    done
  done
  # dockerd sets the FORWARD policy to DROP when it turns forwarding on.
  if [ -s "$PH_DOCKER_DIR/forward-policy.before" ]; then
    iptables -P FORWARD "$(cat "$PH_DOCKER_DIR/forward-policy.before")" && rm -f "$PH_DOCKER_DIR/forward-policy.before"
  fi
  if [ -s "$PH_DOCKER_DIR/ip_forward.before" ]; then
    cat "$PH_DOCKER_DIR/ip_forward.before" >/proc/sys/net/ipv4/ip_forward || true
    rm -f "$PH_DOCKER_DIR/ip_forward.before"
  fi
fi

rm -f "$PH_DOCKER_PIDFILE" "$PH_DOCKER_SOCK"
if $purge; then
  rm -rf "$PH_DOCKER_DATA" "$PH_DOCKER_EXEC" "$PH_DOCKER_DIR/storage-driver"
  ph_log "purged data-root and exec-root (kept $PH_BASE_TARBALL)"
fi
ph_log "stopped"
