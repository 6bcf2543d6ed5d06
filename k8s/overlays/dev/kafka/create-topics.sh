#!/bin/sh
# Creates the archive's Kafka topics with kafka-topics.sh, for docker compose (one-shot service
# kafka-topics) and the k8s dev overlay (Job create-topics; a byte-identical copy lives in
# k8s/overlays/dev/kafka/, system-tests fails the build if the two differ). Production uses
# Strimzi KafkaTopic resources instead. Idempotent (--if-not-exists); retries while Kafka starts.
#
#   TOPIC                 archive.documents.v1: the interactive lane; key = document id, compacted
#                         (catalog-service creates it the same way when it starts first)
#   BULK_TOPIC            archive.documents.bulk.v1: the bulk lane (imports and other bulk work),
#                         configured like TOPIC
#   DLQ_TOPIC             archive.documents.v1.dlq: search-service's dead letters, kept (not compacted)
# Settings come from the environment (k8s: ConfigMap archive-documents-topic in k8s/base).
set -eu

: "${BOOTSTRAP_SERVERS:?}" "${TOPIC:?}" "${BULK_TOPIC:?}" "${PARTITIONS:?}" "${REPLICATION_FACTOR:?}" "${MIN_INSYNC_REPLICAS:?}"
: "${CLEANUP_POLICY:?}" "${DELETE_RETENTION_MS:?}" "${MAX_MESSAGE_BYTES:?}" "${DLQ_TOPIC:?}" "${DLQ_PARTITIONS:?}" "${DLQ_RETENTION_MS:?}"
KAFKA_TOPICS="${KAFKA_TOPICS:-/opt/kafka/bin/kafka-topics.sh}"
# The tool's own JVM needs little heap.
export KAFKA_HEAP_OPTS="-Xmx128m"

attempt=1
until "$KAFKA_TOPICS" --bootstrap-server "$BOOTSTRAP_SERVERS" --list > /dev/null 2>&1; do
  if [ "$attempt" -ge 30 ]; then
    echo "Kafka at $BOOTSTRAP_SERVERS did not answer after $attempt attempts" >&2
    exit 1
  fi
  attempt=$((attempt + 1))
  sleep 5
done

for lane_topic in "$TOPIC" "$BULK_TOPIC"; do
  "$KAFKA_TOPICS" --bootstrap-server "$BOOTSTRAP_SERVERS" --create --if-not-exists \
    --topic "$lane_topic" --partitions "$PARTITIONS" --replication-factor "$REPLICATION_FACTOR" \
    --config cleanup.policy="$CLEANUP_POLICY" \
    --config delete.retention.ms="$DELETE_RETENTION_MS" \
    --config max.message.bytes="$MAX_MESSAGE_BYTES" \
    --config min.insync.replicas="$MIN_INSYNC_REPLICAS"
done

"$KAFKA_TOPICS" --bootstrap-server "$BOOTSTRAP_SERVERS" --create --if-not-exists \
  --topic "$DLQ_TOPIC" --partitions "$DLQ_PARTITIONS" --replication-factor "$REPLICATION_FACTOR" \
  --config cleanup.policy=delete \
  --config retention.ms="$DLQ_RETENTION_MS" \
  --config max.message.bytes="$MAX_MESSAGE_BYTES" \
  --config min.insync.replicas="$MIN_INSYNC_REPLICAS"

"$KAFKA_TOPICS" --bootstrap-server "$BOOTSTRAP_SERVERS" --describe --topic "$TOPIC"
"$KAFKA_TOPICS" --bootstrap-server "$BOOTSTRAP_SERVERS" --describe --topic "$BULK_TOPIC"
"$KAFKA_TOPICS" --bootstrap-server "$BOOTSTRAP_SERVERS" --describe --topic "$DLQ_TOPIC"
