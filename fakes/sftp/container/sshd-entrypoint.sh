#!/bin/bash
# Entrypoint of partner-harness/sftp. Reads the config bundle the fake copies in before start:
#   /partner-harness/sftp/sshd_config         rendered by sshd-config.ts (paths below, Port 22)
#   /partner-harness/sftp/host-keys/*         private host keys (0600)
#   /partner-harness/sftp/authorized-keys/<u> public keys per user (AuthorizedKeysFile)
#   /partner-harness/sftp/banner              optional
#   /partner-harness/sftp/users.tsv           "name<TAB>home" per user
#   /partner-harness/sftp/passwords           "name:password" lines for chpasswd (may be absent)
#   /partner-harness/sftp/seed.tsv            "user<TAB>path<TAB>n": seed/n (base64) is that file
# creates the users (no shell), one root-owned chroot each under /srv/sftp, then runs
# `sshd -D -e` on port 22. Our own lines start with "partner-harness:"; passwords never reach the log.
set -euo pipefail
B=/partner-harness/sftp
CHROOTS=/srv/sftp
log() { echo "partner-harness: $*"; }

# Creates the missing directories of $2 (inside chroot $1) owned by user $3, as user-chroot.ts does.
mkdirs() {
  local root="$1" current="" part
  IFS='/' read -r -a parts <<<"$2"
  for part in "${parts[@]}"; do
    [ -n "$part" ] || continue
    current="$current/$part"
    if [ ! -d "$root$current" ]; then
      mkdir -m 0755 "$root$current"
      chown "$3:" "$root$current"
    fi
  done
}

mkdir -p /run/sshd "$CHROOTS"
chmod 0755 "$CHROOTS"
chmod 0700 "$B/host-keys"
chmod 0600 "$B"/host-keys/*

while IFS=$'\t' read -r name home; do
  [ -n "$name" ] || continue
  useradd -M -N -d "$home" -s /usr/sbin/nologin -c 'partner-harness sftp fake' "$name"
  # '*' not '!': with UsePAM no, sshd treats '!' as a locked account and refuses publickey too.
  usermod -p '*' "$name"
  install -d -o root -g root -m 0755 "$CHROOTS/$name"
  mkdirs "$CHROOTS/$name" "$home" "$name"
done <"$B/users.tsv"
if [ -s "$B/passwords" ]; then
  chpasswd <"$B/passwords"
  rm -f "$B/passwords"
fi

if [ -s "$B/seed.tsv" ]; then
  while IFS=$'\t' read -r name path n; do
    [ -n "$name" ] || continue
    target="$CHROOTS/$name$path"
    mkdirs "$CHROOTS/$name" "$(dirname "$path")" "$name"
    base64 -d <"$B/seed/$n" >"$target"
    chmod 0644 "$target"
    chown "$name:" "$target"
  done <"$B/seed.tsv"
  rm -rf "$B/seed"
fi

config="$B/sshd_config"
# OpenSSH 9.8+ penalises sources with failed logins; clients all arrive from the Docker gateway.
if /usr/sbin/sshd -G -f "$config" -o PerSourcePenalties=no >/dev/null 2>&1; then
  sed -i '1i PerSourcePenalties no' "$config"
fi
/usr/sbin/sshd -t -f "$config" || { log "sshd -t rejects the generated sshd_config"; exit 1; }

/usr/sbin/sshd -D -e -f "$config" &
pid=$!
trap 'kill -TERM "$pid" 2>/dev/null' TERM INT
# Our own probe from 127.0.0.1 reads the ident; clients arrive from the Docker gateway, so the
# host-side log parser leaves out every line about 127.0.0.1.
for _ in $(seq 1 200); do
  if exec 3<>/dev/tcp/127.0.0.1/22 2>/dev/null; then
    IFS= read -r -t 2 ident <&3 || true
    exec 3<&-
    if [ -n "${ident:-}" ]; then
      log "ident ${ident%$'\r'}"
      log "sshd ready"
      break
    fi
  fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.05
done
wait "$pid"
