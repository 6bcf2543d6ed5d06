#!/bin/sh
# One-shot loader for docker compose: imports the catalog's sample documents once, only while the
# catalog is still empty (so `docker compose up` again does not import them twice).
# Needs: curl, the NDJSON file at $SAMPLE_FILE and a DEVELOPMENT token at $TOKEN_FILE, which the
# dev-token service minted at run time from the dev private key (no token is ever committed).
set -eu

CATALOG_URL="${CATALOG_URL:-http://catalog-service:8080}"
SAMPLE_FILE="${SAMPLE_FILE:-/sample-data/documents.ndjson}"
TOKEN_FILE="${TOKEN_FILE:-/tokens/archivist.jwt}"

# depends_on already waits for catalog-service to be healthy; this only rides out a short blip.
tries=0
until curl -fsS -o /dev/null "$CATALOG_URL/q/health/ready"; do
  tries=$((tries + 1))
  if [ "$tries" -ge 30 ]; then
    echo "catalog-service at $CATALOG_URL is not ready after 60 s" >&2
    exit 1
  fi
  sleep 2
done

first_page="$(curl -fsS "$CATALOG_URL/api/v1/documents?limit=1" | tr -d ' \n\r\t')"
case "$first_page" in
  *'"items":[]'*) ;;
  *'"items":['*)
    echo "The catalog already has documents: sample data not loaded again."
    exit 0
    ;;
  *)
    echo "Unexpected answer from GET /api/v1/documents: $first_page" >&2
    exit 1
    ;;
esac

[ -s "$TOKEN_FILE" ] || { echo "No token in $TOKEN_FILE (did dev-token run?)" >&2; exit 1; }

# --data-binary keeps the newlines that separate the NDJSON lines (-d would strip them).
status="$(curl -sS -o /tmp/import-answer.json -w '%{http_code}' -X POST \
  "$CATALOG_URL/api/v1/documents/import?mode=ATOMIC" \
  -H 'Content-Type: application/x-ndjson' \
  -H "Authorization: Bearer $(cat "$TOKEN_FILE")" \
  --data-binary "@$SAMPLE_FILE")"
cat /tmp/import-answer.json
echo
if [ "$status" -lt 200 ] || [ "$status" -ge 300 ]; then
  echo "POST /api/v1/documents/import answered HTTP $status" >&2
  exit 1
fi
echo "Sample documents imported (HTTP $status)."
