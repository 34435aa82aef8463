#!/bin/bash
# Entrypoint of partner-harness/postgres. On the first start it initialises $PGDATA (SCRAM-SHA-256
# everywhere), provisions through a socket-only temporary server, then runs postgres in the
# foreground on 0.0.0.0:5432. Understands:
#   PH_SUPERUSER_PASSWORD            password of 'postgres' (without it, 'postgres' cannot log in over TCP)
#   PH_USER, PH_PASSWORD, PH_DATABASE  one login role and a database it owns (like the official image)
#   PH_REQUIRE_TLS=1                 hostssl only: logins without TLS get "no pg_hba.conf entry"
#   /partner-harness/tls/server.crt + server.key   turn TLS on (mounted or copied in)
#   /partner-harness/init.d/*.sql    run in name order as 'postgres' (ON_ERROR_STOP) on first start
# Passwords never reach the log: psql runs with VERBOSITY=terse, the server with log_min_error_statement=panic.
set -euo pipefail
BIN="/usr/lib/postgresql/${PG_MAJOR}/bin"
RUN=/run/partner-harness
TLS=/partner-harness/tls
log() { echo "partner-harness: $*"; }
as_postgres() { setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"; }
psql_local() { as_postgres "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -v VERBOSITY=terse -h "$RUN" -U postgres -d postgres "$@"; }

mkdir -p "$RUN" "$PGDATA"
chown postgres:postgres "$RUN" "$PGDATA"
chmod 0700 "$RUN" "$PGDATA"

settings=(-c listen_addresses='*' -c port=5432 -c "unix_socket_directories=$RUN" -c password_encryption=scram-sha-256
  -c log_min_error_statement=panic -c fsync=off -c synchronous_commit=off -c full_page_writes=off)
if [ -s "$TLS/server.crt" ] && [ -s "$TLS/server.key" ]; then
  # Postgres insists that the key belongs to it and nobody else can read it.
  install -o postgres -g postgres -m 0600 "$TLS/server.crt" "$RUN/server.crt"
  install -o postgres -g postgres -m 0600 "$TLS/server.key" "$RUN/server.key"
  settings+=(-c ssl=on -c "ssl_cert_file=$RUN/server.crt" -c "ssl_key_file=$RUN/server.key")
  log "TLS on"
elif [ "${PH_REQUIRE_TLS:-}" = 1 ]; then
  log "PH_REQUIRE_TLS=1 needs $TLS/server.crt and $TLS/server.key"; exit 1
fi

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  pwfile=()
  if [ -n "${PH_SUPERUSER_PASSWORD:-}" ]; then
    printf '%s\n' "$PH_SUPERUSER_PASSWORD" >"$RUN/pw"; chown postgres "$RUN/pw"; chmod 0600 "$RUN/pw"
    pwfile=(--pwfile="$RUN/pw")
  fi
  as_postgres "$BIN/initdb" -D "$PGDATA" -U postgres --auth-local=peer --auth-host=scram-sha-256 "${pwfile[@]}" \
    -E UTF8 --locale=C --no-sync --no-instructions >"$RUN/initdb.log" 2>&1 || { cat "$RUN/initdb.log"; exit 1; }
  rm -f "$RUN/pw"
  type=host
  [ "${PH_REQUIRE_TLS:-}" = 1 ] && type=hostssl
  # Clients arrive from the Docker bridge (docker-proxy) or anywhere, so any address; SCRAM only.
  printf 'local all postgres peer\n%s all all 0.0.0.0/0 scram-sha-256\n%s all all ::/0 scram-sha-256\n' "$type" "$type" >"$PGDATA/pg_hba.conf"

  as_postgres "$BIN/pg_ctl" -D "$PGDATA" -w -t 60 -l "$RUN/init-server.log" -o "-c listen_addresses='' -c unix_socket_directories=$RUN" start >/dev/null
  if [ -n "${PH_USER:-}" ]; then
    psql_local -v user="$PH_USER" -v pw="${PH_PASSWORD:?PH_USER needs PH_PASSWORD}" <<<"CREATE ROLE :\"user\" LOGIN PASSWORD :'pw';"
    [ -z "${PH_DATABASE:-}" ] || psql_local -v db="$PH_DATABASE" -v user="$PH_USER" <<<'CREATE DATABASE :"db" OWNER :"user";'
  elif [ -n "${PH_DATABASE:-}" ]; then
    psql_local -v db="$PH_DATABASE" <<<'CREATE DATABASE :"db";'
  fi
  for f in /partner-harness/init.d/*.sql; do
    [ -e "$f" ] || continue
    log "running $(basename "$f")"
    psql_local <"$f"
  done
  as_postgres "$BIN/pg_ctl" -D "$PGDATA" -w -m fast stop >/dev/null
fi

log "engine PostgreSQL $("$BIN/postgres" --version | sed "s/^postgres (PostgreSQL) //")"
log "starting postgres on 0.0.0.0:5432"
exec setpriv --reuid=postgres --regid=postgres --init-groups -- "$BIN/postgres" -D "$PGDATA" "${settings[@]}"
