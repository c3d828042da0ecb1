#!/usr/bin/env bash
# Services the tests need, started on a fresh machine (sourced by .ci/run before
# `make test`). Installs PostgreSQL from Debian's packages when missing, starts a
# cluster, creates a test role and database, and exports DATELINE_TEST_PG.
# Idempotent: a second run finds everything in place and only re-exports the URL.
# Sourced under `set -euo pipefail`, so every step that may legitimately fail is
# guarded, and the work happens in a function that returns instead of exiting.

_dateline_pg_user=dateline
_dateline_pg_password=dateline
_dateline_pg_db=dateline_test

_dateline_as_postgres() {
  if command -v runuser >/dev/null 2>&1; then
    runuser -u postgres -- "$@"
  else
    su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
  fi
}

_dateline_start_postgres() {
  if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    if [ "$(id -u)" != "0" ]; then
      echo "ci-services: PostgreSQL is not installed and we are not root" >&2
      return 1
    fi
    echo "ci-services: installing PostgreSQL from Debian packages" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >&2 || return 1
    apt-get install -y -q postgresql >&2 || return 1
  fi

  local version
  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  if [ -z "$version" ]; then
    echo "ci-services: no PostgreSQL version found under /usr/lib/postgresql" >&2
    return 1
  fi
  # A cluster exists after the package's postinst on Debian; create one if not.
  if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -qx "$version main"; then
    pg_createcluster "$version" main >&2 || return 1
  fi
  if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -q online; then
    # Containers have no systemd: pg_ctlcluster starts the server directly.
    pg_ctlcluster "$version" main start >&2 || return 1
  fi

  local port
  port=$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')
  local tries=0
  until pg_isready -q -h 127.0.0.1 -p "$port"; do
    tries=$((tries + 1))
    if [ "$tries" -gt 30 ]; then
      echo "ci-services: PostgreSQL did not become ready on port $port" >&2
      return 1
    fi
    sleep 1
  done

  # Role and database, created once. CREATEDB lets tests make scratch databases.
  if [ "$(_dateline_as_postgres psql -p "$port" -tAc "SELECT 1 FROM pg_roles WHERE rolname='${_dateline_pg_user}'")" != "1" ]; then
    _dateline_as_postgres psql -q -p "$port" -c \
      "CREATE ROLE ${_dateline_pg_user} LOGIN CREATEDB PASSWORD '${_dateline_pg_password}'" >&2 || return 1
  fi
  if [ "$(_dateline_as_postgres psql -p "$port" -tAc "SELECT 1 FROM pg_database WHERE datname='${_dateline_pg_db}'")" != "1" ]; then
    _dateline_as_postgres createdb -p "$port" -O "${_dateline_pg_user}" "${_dateline_pg_db}" >&2 || return 1
  fi
  DATELINE_TEST_PG="postgresql+psycopg://${_dateline_pg_user}:${_dateline_pg_password}@127.0.0.1:${port}/${_dateline_pg_db}"
  export DATELINE_TEST_PG
  echo "ci-services: PostgreSQL $version ready; DATELINE_TEST_PG=$DATELINE_TEST_PG" >&2
}

if ! _dateline_start_postgres; then
  echo "ci-services: could not start PostgreSQL; the postgres store tests need it" >&2
  # When sourced, `return` hands the failure to the caller (CI stops under set -e).
  return 1 2>/dev/null || exit 1
fi
