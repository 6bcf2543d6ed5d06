package net.historyarchive.systemtests.endtoend;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * An archivist at a steady rate: one catalog write every {@code periodMillis}, on one thread, each
 * one a create, a title update (merge patch) or a delete, always If-Match the version the catalog
 * last answered. Remembers what it expects the catalog to hold.
 */
final class Writer implements AutoCloseable {

    private final Catalog catalog;
    private final Supplier<String> words;
    private final Random random;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "e2e-writer");
        t.setDaemon(true);
        return t;
    });
    private final Map<UUID, Catalog.Doc> live = new ConcurrentHashMap<>();
    private final Set<UUID> deleted = ConcurrentHashMap.newKeySet();
    private final List<UUID> order = new ArrayList<>(); // only the writer thread touches it
    private final AtomicInteger creates = new AtomicInteger();
    private final AtomicInteger updates = new AtomicInteger();
    private final AtomicInteger deletes = new AtomicInteger();
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();

    Writer(Catalog catalog, Supplier<String> words, long seed) {
        this.catalog = catalog;
        this.words = words;
        this.random = new Random(seed);
    }

    void start(long periodMillis) {
        thread.scheduleAtFixedRate(this::writeOnce, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    private void writeOnce() {
        if (!errors.isEmpty()) {
            return; // the test fails on the first error; don't pile up more
        }
        try {
            double dice = random.nextDouble();
            if (live.size() < 5 || dice < 0.45) {
                Catalog.Doc doc = catalog.create("Telegram on " + words.get() + " from Pyongyang");
                live.put(doc.id(), doc);
                order.add(doc.id());
                creates.incrementAndGet();
            } else if (dice < 0.9) {
                Catalog.Doc doc = live.get(order.get(random.nextInt(order.size())));
                live.put(doc.id(), catalog.patchTitle(doc, "Memorandum on " + words.get() + " from Beijing"));
                updates.incrementAndGet();
            } else {
                UUID id = order.remove(random.nextInt(order.size()));
                catalog.delete(live.get(id));
                live.remove(id);
                deleted.add(id);
                deletes.incrementAndGet();
            }
        } catch (Throwable e) {
            errors.add(e);
        }
    }

    int writes() {
        return creates.get() + updates.get() + deletes.get();
    }

    List<Throwable> errors() {
        return errors;
    }

    /** What the writer's documents should be in the catalog: id to version (call after {@link #close()}). */
    Map<UUID, Long> expectedLive() {
        Map<UUID, Long> expected = new java.util.HashMap<>();
        live.forEach((id, doc) -> expected.put(id, doc.version()));
        return expected;
    }

    Set<UUID> deleted() {
        return Set.copyOf(deleted);
    }

    String summary() {
        return creates.get() + " creates, " + updates.get() + " updates, " + deletes.get() + " deletes";
    }

    /** Stops after the write in progress, waiting for it (bounded). */
    @Override
    public void close() throws InterruptedException {
        thread.shutdown();
        if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
            thread.shutdownNow();
            throw new IllegalStateException("the writer did not stop within 30 s");
        }
    }
}
