#!/usr/bin/env bash
# Restores a backup made by scripts/ops/backup.sh into an EMPTY database (create it first,
# e.g. `createdb psu_restored`), in one transaction: it either restores everything or nothing.
#
#   DATABASE_URL=postgresql://user:password@host:5432/psu_restored scripts/ops/restore.sh FILE
#
# Objects are owned by the user in DATABASE_URL (the dump's owners and grants are not
# replayed). PG_BIN may name the folder of the PostgreSQL client programs; pg_restore must be
# the same major version as the pg_dump that wrote the file, or newer.
set -euo pipefail

if [ -z "${DATABASE_URL:-}" ]; then
  echo "Set DATABASE_URL to the empty database to restore into." >&2
  exit 2
fi
if [ $# -ne 1 ] || [ ! -f "$1" ]; then
  echo "Usage: DATABASE_URL=... $0 BACKUP_FILE" >&2
  exit 2
fi
bin="${PG_BIN:+$PG_BIN/}"

# Refuse a database that already has tables: restoring over live data would mix two states.
tables="$("${bin}psql" --no-psqlrc --quiet --tuples-only --no-align --dbname="$DATABASE_URL" \
  --command="select count(*) from pg_tables where schemaname not in ('pg_catalog', 'information_schema')")"
if [ "$tables" != "0" ]; then
  echo "The target database already has $tables tables: restore into a new, empty database." >&2
  exit 1
fi

"${bin}pg_restore" --no-owner --no-privileges --exit-on-error --single-transaction \
  --dbname="$DATABASE_URL" "$1"
echo "Restored $1."
