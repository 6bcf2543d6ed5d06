package net.historyarchive.search.admin;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import net.historyarchive.search.admin.ConsistencyReport.Difference;
import net.historyarchive.search.admin.ConsistencyReport.Kind;
import net.historyarchive.search.engine.ViewInventory;
import net.historyarchive.search.engine.ViewWriter;
import net.historyarchive.search.view.ApplyResult;
import net.historyarchive.search.view.ChangeEvent;
import net.historyarchive.search.view.ViewEntry;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Compares the catalog (its public change feed) with the search view (every id, version and
 * tombstone of the live index) and optionally repairs the view. Repairs go through the
 * ViewWriter with the catalog's version as external version, so a repair racing the consumer can
 * never overwrite something newer: whichever carries the higher version wins, as for any event.
 *
 * <p>The view is listed first, then the feed is read, so a document the catalog changed during
 * the check shows as missing or stale (the view is simply behind); repairing it is harmless.
 * A document only the view knows is confirmed with the catalog's document endpoint before it
 * counts as a phantom, since the feed holds back changes of transactions still running.
 */
@ApplicationScoped
public class ConsistencyChecker {

    private static final Logger LOG = Logger.getLogger(ConsistencyChecker.class);
    private static final int REPAIR_BATCH = 500;

    private final CatalogFeed catalog;
    private final ViewInventory inventory;
    private final ViewWriter writer;
    private final ReentrantLock running = new ReentrantLock();
    private volatile ConsistencyReport last;

    public ConsistencyChecker(CatalogFeed catalog, ViewInventory inventory, ViewWriter writer, MeterRegistry registry) {
        this.catalog = catalog;
        this.inventory = inventory;
        this.writer = writer;
        for (Kind kind : Kind.values()) {
            Gauge.builder("search.consistency.differences", this, c -> c.lastCount(kind)).tag("kind", kind.name().toLowerCase())
                    .description("Differences between catalog and view found by the last consistency check (NaN before the first)")
                    .register(registry);
        }
        Gauge.builder("search.consistency.last.check.timestamp.seconds", this,
                        c -> c.last == null ? Double.NaN : c.last.finishedAt().toEpochMilli() / 1000.0)
                .description("When the last consistency check finished").register(registry);
    }

    public Optional<ConsistencyReport> last() {
        return Optional.ofNullable(last);
    }

    /** Runs one check (one at a time on this replica); with {@code repair}, also repairs what it found. */
    public ConsistencyReport check(boolean repair) throws IOException, AlreadyRunning {
        if (!running.tryLock()) {
            throw new AlreadyRunning();
        }
        try {
            ConsistencyReport report = compare(repair);
            last = report;
            LOG.infof("Consistency check: %d missing, %d stale, %d phantoms, %d ahead; %d repaired",
                    report.missing(), report.stale(), report.phantoms(), report.ahead(), report.repaired());
            return report;
        } finally {
            running.unlock();
        }
    }

    private ConsistencyReport compare(boolean repair) throws IOException {
        Instant started = Instant.now();
        Map<UUID, ViewEntry> view = new HashMap<>();
        inventory.forEach(entry -> view.put(entry.documentId(), entry));
        // The feed lists a document changed during the read again, later: the last entry wins.
        Map<UUID, CatalogFeed.Change> changes = new HashMap<>();
        catalog.forEach(change -> changes.put(change.id(), change));

        List<Difference> found = new ArrayList<>();
        for (CatalogFeed.Change change : changes.values()) {
            ViewEntry seen = view.get(change.id());
            Kind kind = classify(change, seen);
            if (kind != null) {
                found.add(difference(change.id(), kind, change, seen));
            }
        }
        for (ViewEntry seen : view.values()) {
            if (!seen.deleted() && !changes.containsKey(seen.documentId()) && catalog.document(seen.documentId()).isEmpty()) {
                found.add(difference(seen.documentId(), Kind.PHANTOM, null, seen));
            }
        }
        List<Difference> listed = repair ? repair(found) : found;
        long catalogDeletions = changes.values().stream().filter(CatalogFeed.Change::deleted).count();
        long viewTombstones = view.values().stream().filter(ViewEntry::deleted).count();
        Map<Kind, Long> counts = new EnumMap<>(Kind.class);
        listed.forEach(d -> counts.merge(d.kind(), 1L, Long::sum));
        return new ConsistencyReport(started, Instant.now(), repair,
                changes.size() - catalogDeletions, catalogDeletions, view.size() - viewTombstones, viewTombstones,
                counts.getOrDefault(Kind.MISSING, 0L), counts.getOrDefault(Kind.STALE, 0L),
                counts.getOrDefault(Kind.PHANTOM, 0L), counts.getOrDefault(Kind.AHEAD, 0L), listed.size(),
                listed.stream().filter(Difference::repaired).count(), listed.stream().limit(ConsistencyReport.LISTED).toList());
    }

    /** What is wrong with the view's entry for a document the catalog lists; null when nothing is. */
    static Kind classify(CatalogFeed.Change change, ViewEntry seen) {
        if (change.deleted()) {
            if (seen == null || seen.deleted()) {
                return null; // deleted on both sides (or never seen by the view): nothing to show
            }
            return seen.version() < change.version() ? Kind.PHANTOM : Kind.AHEAD;
        }
        if (seen == null || seen.deleted() && seen.version() < change.version()) {
            return Kind.MISSING;
        }
        if (seen.version() == change.version() && !seen.deleted()) {
            return null;
        }
        return seen.version() < change.version() ? Kind.STALE : Kind.AHEAD;
    }

    /**
     * Applies the catalog's current state to each difference that has one: the document as the
     * catalog serves it now (a newer version than the feed listed is fine), the deletion at its
     * version, and for a document the catalog never had, a tombstone one version above the view's.
     */
    private List<Difference> repair(List<Difference> found) throws IOException {
        List<ChangeEvent> events = new ArrayList<>();
        for (Difference d : found) {
            if (d.kind() == Kind.AHEAD) {
                continue;
            }
            if (d.kind() == Kind.PHANTOM) {
                long version = d.catalogVersion() != null ? d.catalogVersion() : d.viewVersion() + 1;
                events.add(new ChangeEvent(d.id(), version, true, null));
            } else {
                catalog.document(d.id()).ifPresent(document ->
                        events.add(new ChangeEvent(d.id(), document.path("version").asLong(), false, document)));
            }
        }
        Set<UUID> refused = new HashSet<>();
        Set<UUID> repairable = new HashSet<>();
        for (int from = 0; from < events.size(); from += REPAIR_BATCH) {
            List<ChangeEvent> batch = events.subList(from, Math.min(events.size(), from + REPAIR_BATCH));
            ApplyResult result = writer.apply(batch, ViewWriter.Visibility.IMMEDIATE);
            batch.forEach(e -> repairable.add(e.documentId()));
            result.rejected().forEach(r -> {
                refused.add(r.documentId());
                LOG.warnf("Consistency repair of %s refused: %s", r.documentId(), r.reason());
            });
        }
        return found.stream().map(d -> repairable.contains(d.id()) && !refused.contains(d.id())
                ? new Difference(d.id(), d.kind(), d.catalogVersion(), d.catalogDeleted(), d.viewVersion(), d.viewDeleted(), true)
                : d).toList();
    }

    private static Difference difference(UUID id, Kind kind, CatalogFeed.Change change, ViewEntry seen) {
        return new Difference(id, kind, change == null ? null : change.version(), change == null ? null : change.deleted(),
                seen == null ? null : seen.version(), seen == null ? null : seen.deleted(), false);
    }

    private double lastCount(Kind kind) {
        ConsistencyReport report = last;
        if (report == null) {
            return Double.NaN;
        }
        return switch (kind) {
            case MISSING -> report.missing();
            case STALE -> report.stale();
            case PHANTOM -> report.phantoms();
            case AHEAD -> report.ahead();
        };
    }

    /** Another check is running on this replica. */
    public static class AlreadyRunning extends Exception {
        AlreadyRunning() {
            super("A consistency check is already running on this replica");
        }
    }
}
