#!/bin/bash
# Entrypoint of partner-harness/mariadb. On the first start it runs mariadb-install-db, provisions
# through a temporary server without networking, then runs mariadbd in the foreground on
# 0.0.0.0:3306 (--no-defaults, as MysqlFake's 'process' runtime does). The only superuser is
# root@localhost via unix_socket, unreachable over TCP. Understands:
#   PH_USER, PH_PASSWORD, PH_DATABASE  one user ('%', mysql_native_password) and a database it owns
#   PH_REQUIRE_TLS=1                 PH_USER is created with REQUIRE SSL
#   /partner-harness/tls/server.crt + server.key   turn TLS on (mounted or copied in)
#   /partner-harness/init.d/*.sql    run in name order as root on first start
set -euo pipefail
DATA=/var/lib/mysql
RUN=/run/mysqld
SOCK="$RUN/mysqld.sock"
TLS=/partner-harness/tls
log() { echo "partner-harness: $*"; }
sql() { mariadb --no-defaults --protocol=socket -S "$SOCK" -u root "$@"; }
quote_string() { local s="${1//\\/\\\\}"; s="${s//\'/\\\'}"; printf "'%s'" "$s"; }
quote_ident() { printf '`%s`' "${1//\`/\`\`}"; }

mkdir -p "$RUN" "$DATA"
chown mysql:mysql "$RUN" "$DATA"
chmod 0700 "$DATA"

args=(--no-defaults "--datadir=$DATA" --port=3306 --bind-address=0.0.0.0 "--socket=$SOCK" "--pid-file=$RUN/mysqld.pid"
  --skip-log-bin --skip-name-resolve)
if [ -s "$TLS/server.crt" ] && [ -s "$TLS/server.key" ]; then
  install -o mysql -g mysql -m 0600 "$TLS/server.crt" "$RUN/server.crt"
  install -o mysql -g mysql -m 0600 "$TLS/server.key" "$RUN/server.key"
  args+=("--ssl-cert=$RUN/server.crt" "--ssl-key=$RUN/server.key")
  log "TLS on"
fi

if [ ! -d "$DATA/mysql" ]; then
  mariadb-install-db --no-defaults --user=mysql "--datadir=$DATA" --auth-root-authentication-method=socket \
    --skip-test-db --skip-name-resolve >"$RUN/install-db.log" 2>&1 || { cat "$RUN/install-db.log"; exit 1; }
  setpriv --reuid=mysql --regid=mysql --init-groups -- mariadbd "${args[@]}" --skip-networking >"$RUN/init-server.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 300); do
    sql -e 'SELECT 1' >/dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || { cat "$RUN/init-server.log"; exit 1; }
    sleep 0.1
  done
  # Nothing but root@localhost (unix_socket) may remain from install-db.
  sql -e "DELETE FROM mysql.global_priv WHERE User = '' OR (User = 'root' AND Host <> 'localhost'); FLUSH PRIVILEGES;"
  if [ -n "${PH_USER:-}" ]; then
    require=""
    [ "${PH_REQUIRE_TLS:-}" = 1 ] && require=" REQUIRE SSL"
    sql -e "CREATE USER $(quote_string "$PH_USER")@'%' IDENTIFIED BY $(quote_string "${PH_PASSWORD:?PH_USER needs PH_PASSWORD}")$require" 2>/dev/null ||
      { log "CREATE USER for PH_USER failed"; exit 1; }
  fi
  if [ -n "${PH_DATABASE:-}" ]; then
    sql -e "CREATE DATABASE $(quote_ident "$PH_DATABASE")"
    [ -z "${PH_USER:-}" ] || sql -e "GRANT ALL PRIVILEGES ON $(quote_ident "$PH_DATABASE").* TO $(quote_string "$PH_USER")@'%'"
  fi
  for f in /partner-harness/init.d/*.sql; do
    [ -e "$f" ] || continue
    log "running $(basename "$f")"
    # The client echoes no statement text on errors, only the error; keep it that way (no --verbose).
    sql <"$f"
  done
  log "engine $(sql -N -e 'SELECT VERSION()')"
  kill -TERM "$pid"
  wait "$pid" || true
else
  log "engine $(mariadbd --version | awk '{ print $3 }')"
fi

log "starting mariadbd on 0.0.0.0:3306"
exec setpriv --reuid=mysql --regid=mysql --init-groups -- mariadbd "${args[@]}"
