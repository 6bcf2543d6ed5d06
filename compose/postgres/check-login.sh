#!/bin/sh
# Logs in to PostgreSQL the way a service will, before the service starts (docker compose: one-shot
# service postgres-login-check; k8s dev overlay: init container of catalog-service; a byte-identical
# copy lives in k8s/overlays/dev/postgres/, system-tests fails the build if the two differ).
#
# Why: the postgres image's init script sets the role's password at the FIRST start only. If the
# password is changed afterwards in .env or in the Secret, the service cannot log in and only says
# "password authentication failed" deep in its start-up log. This check names the cause and the fix.
#
#   PGHOST, PGPORT        where PostgreSQL listens
#   DB_NAME, DB_USER      the service's database and role
#   DB_PASSWORD           the password the service is configured with
#   PASSWORD_VARIABLE     the setting that holds it (for the message), e.g. CATALOG_DB_PASSWORD
set -eu

: "${PGHOST:?}" "${PGPORT:?}" "${DB_NAME:?}" "${DB_USER:?}" "${DB_PASSWORD:?}" "${PASSWORD_VARIABLE:?}"

attempt=1
while :; do
  if output="$(PGPASSWORD="$DB_PASSWORD" PGCONNECT_TIMEOUT=5 psql -X -w -q -At \
      --username "$DB_USER" --dbname "$DB_NAME" -c 'SELECT 1' 2>&1)"; then
    echo "Login as $DB_USER to database $DB_NAME at $PGHOST:$PGPORT works."
    exit 0
  fi
  case "$output" in
    *"password authentication failed"*)
      cat >&2 <<MSG
ERROR: PostgreSQL refuses the password in $PASSWORD_VARIABLE for role "$DB_USER".
The role's password was set when the database was first initialised; changing $PASSWORD_VARIABLE
afterwards does not change it. Either put the old value back, or rotate the password in the database
first (README.md, "Changing a database password"):
  ALTER ROLE $DB_USER PASSWORD '<new password>';   -- as the superuser, then restart the service
MSG
      exit 1
      ;;
  esac
  # Anything else (not accepting connections yet, DNS): retry for a while.
  if [ "$attempt" -ge 30 ]; then
    echo "ERROR: cannot log in to $PGHOST:$PGPORT after $attempt attempts: $output" >&2
    exit 1
  fi
  attempt=$((attempt + 1))
  sleep 2
done
