# Shared by the scripts in scripts/docker/: paths of the private dockerd. Sourced, not run.
PH_DOCKER_DIR="${PARTNER_HARNESS_DOCKER_DIR:-/var/tmp/partner-harness-docker}"
PH_DOCKER_SOCK="$PH_DOCKER_DIR/docker.sock"
PH_DOCKER_PIDFILE="$PH_DOCKER_DIR/dockerd.pid"
PH_DOCKER_LOG="$PH_DOCKER_DIR/dockerd.log"
PH_DOCKER_DATA="$PH_DOCKER_DIR/data"
PH_DOCKER_EXEC="$PH_DOCKER_DIR/exec"
# The offline base (fakes/container/container-settings.ts LOCAL_BASE_IMAGE); never pulled, always imported.
PH_BASE_IMAGE="partner-harness/base:bookworm"
PH_BASE_TARBALL="$PH_DOCKER_DIR/base-bookworm.tar"
PH_LABEL="org.partner-harness.managed"

ph_log() { echo "${0##*/}: $*" >&2; }
ph_die() { ph_log "$*"; exit 1; }
ph_require_root() { [ "$(id -u)" = 0 ] || ph_die "must run as root (it starts dockerd and touches iptables)"; }
ph_docker() { docker -H "unix://$PH_DOCKER_SOCK" "$@"; }

# The pid of our dockerd if the pidfile names a live dockerd, else nothing.
ph_dockerd_pid() {
  local pid
  [ -s "$PH_DOCKER_PIDFILE" ] || return 1
  pid="$(cat "$PH_DOCKER_PIDFILE")"
  [ -n "$pid" ] && [ -d "/proc/$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = dockerd ] || return 1
  echo "$pid"
}

ph_dockerd_answers() { [ -S "$PH_DOCKER_SOCK" ] && ph_docker info >/dev/null 2>&1; }

# Serialises concurrent runs of these scripts (two test jobs starting at once).
ph_lock() {
  mkdir -p "$PH_DOCKER_DIR"
  exec 9>"$PH_DOCKER_DIR/.lock"
  flock -w 600 9 || ph_die "timed out waiting for $PH_DOCKER_DIR/.lock"
}
