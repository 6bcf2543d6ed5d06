#!/usr/bin/env bash
# DEVELOPMENT database bootstrap for docker compose and the k8s dev overlay (a byte-identical copy
# lives in k8s/overlays/dev/postgres/; system-tests fails the build if the two differ).
#
# The postgres:17 image runs this once, when its data directory is empty, as the superuser.
# It creates one login role and one database per service:
#   catalog  (owner catalog, password $CATALOG_DB_PASSWORD) - catalog-service
#   search   (owner search,  password $SEARCH_DB_PASSWORD)  - search-service
# Passwords come from the environment and are passed to psql as variables (:'name' quotes them),
# never pasted into SQL text.
set -euo pipefail

: "${CATALOG_DB_PASSWORD:?CATALOG_DB_PASSWORD must be set}"
: "${SEARCH_DB_PASSWORD:?SEARCH_DB_PASSWORD must be set}"

psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname postgres \
  -v catalog_password="$CATALOG_DB_PASSWORD" \
  -v search_password="$SEARCH_DB_PASSWORD" <<'SQL'
CREATE ROLE catalog LOGIN PASSWORD :'catalog_password';
CREATE DATABASE catalog OWNER catalog ENCODING 'UTF8' TEMPLATE template0;
REVOKE ALL ON DATABASE catalog FROM PUBLIC;

CREATE ROLE search LOGIN PASSWORD :'search_password';
CREATE DATABASE search OWNER search ENCODING 'UTF8' TEMPLATE template0;
REVOKE ALL ON DATABASE search FROM PUBLIC;
SQL

echo "Created databases catalog and search with their owner roles."
