package net.historyarchive.catalog.document.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import net.historyarchive.catalog.collection.model.Collection;
import net.historyarchive.catalog.collection.service.CollectionChangeListener;
import net.historyarchive.catalog.common.Timestamps;
import net.historyarchive.catalog.document.model.Document;

import java.time.Instant;
import java.util.List;

/**
 * A renamed collection changes the snapshot of every member document (snapshots carry collection
 * names), so each member gets a new version and a change event in the renaming transaction; the
 * events travel in the bulk lane, since a collection may hold a million documents.
 */
@ApplicationScoped
public class CollectionRenameHandler implements CollectionChangeListener {

    private final EntityManager entityManager;
    private final DocumentChangeListener changes;

    public CollectionRenameHandler(EntityManager entityManager, DocumentChangeListener changes) {
        this.entityManager = entityManager;
        this.changes = changes;
    }

    @Override
    public void renamed(Collection collection) {
        List<Document> members = entityManager.createQuery(
                        "select d from Document d join d.collections c where c.id = :id order by d.id", Document.class)
                .setParameter("id", collection.id)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        Instant now = Timestamps.now();
        for (Document document : members) {
            document.version++;
            document.updatedAt = now;
        }
        entityManager.flush();
        changes.updatedAll(members);
    }
}
