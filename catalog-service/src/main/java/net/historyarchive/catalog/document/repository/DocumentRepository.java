package net.historyarchive.catalog.document.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import net.historyarchive.catalog.document.model.Document;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class DocumentRepository implements PanacheRepositoryBase<Document, UUID> {

    /** Loads a document and locks its row until commit, so a version check and the write that follows are one atomic step. */
    public Optional<Document> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** One page of documents in id (= creation) order after {@code after}, optionally filtered. */
    public List<Document> page(UUID collectionId, Instant updatedSince, UUID after, int limit) {
        StringBuilder query = new StringBuilder("select d from Document d");
        Parameters params = new Parameters();
        if (collectionId != null) {
            // (document, collection) is the join table's key, so the join cannot duplicate rows.
            query.append(" join d.collections c where c.id = :collection");
            params.and("collection", collectionId);
        } else {
            query.append(" where 1 = 1");
        }
        if (after != null) {
            query.append(" and d.id > :after");
            params.and("after", after);
        }
        if (updatedSince != null) {
            query.append(" and d.updatedAt >= :since");
            params.and("since", updatedSince);
        }
        return find(query + " order by d.id", params).page(0, limit).list();
    }

    /** @return which of {@code ids} exist. */
    public Set<UUID> existing(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(getEntityManager()
                .createQuery("select d.id from Document d where d.id in :ids", UUID.class)
                .setParameter("ids", ids)
                .getResultList());
    }

    /** Keeps a versioned tombstone for the change feed. */
    public void recordDeletion(UUID id, long version, Instant deletedAt) {
        getEntityManager().createNativeQuery("INSERT INTO document_deletion (id, version, deleted_at) VALUES (?1, ?2, ?3)")
                .setParameter(1, id).setParameter(2, version).setParameter(3, deletedAt)
                .executeUpdate();
    }

    public long countInCollection(UUID collectionId) {
        return getEntityManager()
                .createQuery("select count(d) from Document d join d.collections c where c.id = :id", Long.class)
                .setParameter("id", collectionId)
                .getSingleResult();
    }
}
