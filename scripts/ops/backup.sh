#!/usr/bin/env bash
# Backs up the app's database to one file in pg_dump's custom format (compressed, restorable
# with scripts/ops/restore.sh). The file holds confidential personal data: it is created
# readable by its owner only; store and delete it as docs/operations.md says.
#
#   DATABASE_URL=postgresql://user:password@host:5432/psu scripts/ops/backup.sh [FILE]
#
# FILE defaults to psu-<UTC time>.dump in the current folder. PG_BIN may name the folder of
# the PostgreSQL client programs (e.g. /usr/lib/postgresql/15/bin); pg_dump must be the
# server's major version or newer.
set -euo pipefail

if [ -z "${DATABASE_URL:-}" ]; then
  echo "Set DATABASE_URL to the database to back up." >&2
  exit 2
fi
pg_dump="${PG_BIN:+$PG_BIN/}pg_dump"
file="${1:-psu-$(date -u +%Y%m%dT%H%M%SZ).dump}"
umask 077

# Written beside the target and renamed at the end, so a failed run never leaves a file that
# looks like a backup.
partial="$file.partial"
trap 'rm -f "$partial"' EXIT
"$pg_dump" --format=custom --file="$partial" --dbname="$DATABASE_URL"
mv "$partial" "$file"
trap - EXIT
echo "$file"
