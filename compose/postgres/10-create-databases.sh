#!/usr/bin/env bash
# DEVELOPMENT database bootstrap for docker compose and the k8s dev overlay (a byte-identical copy
# lives in k8s/overlays/dev/postgres/; system-tests fails the build if the two differ).
#
# The postgres:17 image runs this ONCE, when its data directory is empty, as the superuser.
# It creates catalog-service's login role and database (search-service has no database: its view
# lives in OpenSearch):
#   catalog  (owner catalog, password $CATALOG_DB_PASSWORD) - catalog-service
# The password comes from the environment and is passed to psql as a variable (:'name' quotes it),
# never pasted into SQL text. Changing CATALOG_DB_PASSWORD later does NOT change the role's
# password (this script does not run again): check-login.sh says so at the next start, and
# README.md ("Changing a database password") gives the rotation procedure.
set -euo pipefail

: "${CATALOG_DB_PASSWORD:?CATALOG_DB_PASSWORD must be set}"

psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname postgres \
  -v catalog_password="$CATALOG_DB_PASSWORD" <<'SQL'
CREATE ROLE catalog LOGIN PASSWORD :'catalog_password';
CREATE DATABASE catalog OWNER catalog ENCODING 'UTF8' TEMPLATE template0;
REVOKE ALL ON DATABASE catalog FROM PUBLIC;
SQL

echo "Created database catalog with its owner role."
