#!/usr/bin/env bash
# Runs CMD with a throwaway PostgreSQL (+ PostGIS) cluster and SITREP_TEST_PG set to its URI:
#   scripts/with-postgres.sh ctest --test-dir build-dev
# The cluster lives in a temp dir, listens on a unix socket in that dir and on a free 127.0.0.1
# port, and is stopped and removed afterwards (also on failure or Ctrl-C). As root it runs the
# server as `nobody` (PostgreSQL refuses to run as root). Without PostgreSQL installed it runs
# CMD unchanged, and tests that need PostgreSQL skip.
set -euo pipefail
[[ $# -gt 0 ]] || { echo "usage: $0 CMD [ARGS...]" >&2; exit 2; }

bindir=${SITREP_PG_BINDIR:-}
if [[ -z "$bindir" ]]; then
  for d in /usr/lib/postgresql/*/bin; do [[ -x "$d/initdb" ]] && bindir=$d; done
fi
if [[ -z "$bindir" || ! -x "$bindir/initdb" ]]; then
  echo "with-postgres: no PostgreSQL server found (install postgresql); running without it" >&2
  exec "$@"
fi

dir=$(mktemp -d /tmp/sitrep-pg.XXXXXX)
chmod 755 "$dir"
as_user=()
if [[ $(id -u) -eq 0 ]]; then
  chown nobody "$dir"
  as_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups --)
  command -v setpriv >/dev/null || as_user=(su -s /bin/sh nobody -c)
fi
run() {  # run a server-side command as the unprivileged user
  if [[ ${#as_user[@]} -eq 0 ]]; then "$@";
  elif [[ ${as_user[0]} == su ]]; then "${as_user[@]}" "$(printf '%q ' "$@")";
  else "${as_user[@]}" "$@"; fi
}
cleanup() {
  run "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT INT TERM

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
run "$bindir/initdb" -D "$dir/data" -U sitrep --auth=trust --no-sync -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log" >&2; exit 1; }
run "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
"$bindir/psql" -h "$dir" -p "$port" -U sitrep -d postgres -qAt -c "CREATE DATABASE sitrep_test" >/dev/null
if ! "$bindir/psql" -h "$dir" -p "$port" -U sitrep -d sitrep_test -qAt -c "CREATE EXTENSION IF NOT EXISTS postgis" >/dev/null 2>"$dir/postgis.err"; then
  echo "with-postgres: PostGIS is not installed (postgresql-15-postgis-3): $(cat "$dir/postgis.err")" >&2
  exit 1
fi
export SITREP_TEST_PG="postgresql://sitrep@127.0.0.1:$port/sitrep_test"
echo "with-postgres: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') at $SITREP_TEST_PG" >&2
set +e
"$@"
rc=$?
exit $rc
