package net.historyarchive.catalog.changefeed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import net.historyarchive.catalog.document.api.DocumentView;
import net.historyarchive.catalog.document.model.Document;
import net.historyarchive.catalog.document.service.DocumentMapper;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The public change feed for harvesters that do not speak Kafka: documents and deletions in the
 * order of the transactions that last changed them. Only changes of transactions older than every
 * running transaction are served, so a cursor never moves past a change that commits later.
 * Long-running transactions therefore delay the feed; they never make it skip.
 */
@ApplicationScoped
public class ChangeFeedService {

    /** Ordered by c.txid, the xid8: a bare "txid" would name the text output column and sort "998" after "1421". */
    private static final String CHANGES = """
            SELECT kind, id, txid::text, version, deleted_at FROM (
                SELECT 'UPSERT' AS kind, id, change_txid AS txid, version, NULL::timestamptz AS deleted_at
                FROM document
                WHERE (change_txid, id) > (CAST(?1 AS text)::xid8, CAST(?2 AS uuid))
                  AND change_txid < pg_snapshot_xmin(pg_current_snapshot())
                UNION ALL
                SELECT 'DELETE', id, change_txid, version, deleted_at
                FROM document_deletion
                WHERE (change_txid, id) > (CAST(?1 AS text)::xid8, CAST(?2 AS uuid))
                  AND change_txid < pg_snapshot_xmin(pg_current_snapshot())
            ) c
            ORDER BY c.txid, c.id
            LIMIT ?3""";

    private final EntityManager entityManager;

    public ChangeFeedService(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    public ChangeFeedPage changesAfter(String cursor, int limit) {
        FeedCursor after = FeedCursor.decode(cursor);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(CHANGES)
                .setParameter(1, Long.toString(after.txid()))
                .setParameter(2, after.id().toString())
                .setParameter(3, limit)
                .getResultList();
        List<UUID> upserted = rows.stream().filter(r -> "UPSERT".equals(r[0])).map(r -> (UUID) r[1]).toList();
        Map<UUID, DocumentView> documents = upserted.isEmpty() ? Map.of()
                : entityManager.createQuery("select d from Document d where d.id in :ids", Document.class)
                .setParameter("ids", upserted).getResultList().stream()
                .map(DocumentMapper::toView).collect(Collectors.toMap(DocumentView::id, Function.identity()));
        List<ChangeFeedPage.Change> changes = new ArrayList<>(rows.size());
        FeedCursor last = after;
        for (Object[] row : rows) {
            UUID id = (UUID) row[1];
            last = new FeedCursor(Long.parseLong((String) row[2]), id);
            if ("UPSERT".equals(row[0])) {
                DocumentView document = documents.get(id);
                if (document == null) {
                    continue; // deleted since the first query; its DELETE comes later in the feed
                }
                changes.add(new ChangeFeedPage.Change("UPSERT", id, document.version(), document, null));
            } else {
                changes.add(new ChangeFeedPage.Change("DELETE", id, ((Number) row[3]).longValue(), null,
                        row[4] instanceof Timestamp t ? t.toInstant() : (java.time.Instant) row[4]));
            }
        }
        return new ChangeFeedPage(changes, last.encode());
    }
}
