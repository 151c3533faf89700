#!/usr/bin/env bash
# The whole test suite: every *.Tests project in the solution, in Release.
# Installs what the tests need beyond the .NET SDK before running them: a PostgreSQL server (Debian's postgresql,
# through apt-get when its binaries are missing), started on a free loopback port for the storage and service tests
# (TANSIQ_TEST_PG) and stopped at the end. Set TANSIQ_TEST_PG yourself to use a server of your own. The dashboard's
# browser tests need Debian's Chromium at /usr/bin/chromium (apt-get install chromium when missing; a browser is never
# downloaded).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
cd "$root"

pg_bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

pg_dir=""
pg_as=()
pg_stop() {
  if [ -n "$pg_dir" ]; then
    "${pg_as[@]}" "$(pg_bindir)/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1
    rm -rf "$pg_dir"
  fi
}

pg_start() {
  [ -n "${TANSIQ_TEST_PG:-}" ] && return 0
  local bin
  bin="$(pg_bindir)"
  if [ -z "$bin" ] || [ ! -x "$bin/pg_ctl" ] || [ ! -x "$bin/initdb" ]; then
    echo "eng/test.sh: installing PostgreSQL (apt-get install postgresql)" >&2
    if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
    "${sudo[@]}" apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq postgresql >/dev/null || {
      echo "eng/test.sh: could not install PostgreSQL" >&2; return 1; }
    bin="$(pg_bindir)"
  fi
  pg_dir="$(mktemp -d /tmp/tansiq-pg.XXXXXX)"
  if [ "$(id -u)" -eq 0 ]; then
    # initdb refuses to run as root: the server runs as the postgres user.
    chown postgres:postgres "$pg_dir"
    pg_as=(runuser -u postgres --)
  fi
  "${pg_as[@]}" "$bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 >"$pg_dir/initdb.log" 2>&1 || {
    cat "$pg_dir/initdb.log" >&2; return 1; }
  local port
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    port=$(( 20000 + RANDOM % 40000 ))
    if "${pg_as[@]}" "$bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
        -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null 2>&1; then
      export TANSIQ_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
      echo "eng/test.sh: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2
      return 0
    fi
  done
  cat "$pg_dir/server.log" >&2
  return 1
}

chromium_install() {
  [ -x /usr/bin/chromium ] && return 0
  echo "eng/test.sh: installing Chromium for the browser tests (apt-get install chromium)" >&2
  if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
  "${sudo[@]}" apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq chromium >/dev/null || {
    echo "eng/test.sh: could not install Chromium" >&2; return 1; }
}

trap pg_stop EXIT
dotnet build Tansiq.slnx -c Release --nologo -v q || exit 1
pg_start || echo "eng/test.sh: no PostgreSQL: the PostgreSQL tests will fail" >&2
chromium_install || echo "eng/test.sh: no Chromium: the browser tests will fail" >&2
dotnet test Tansiq.slnx -c Release --no-build --nologo "$@"
