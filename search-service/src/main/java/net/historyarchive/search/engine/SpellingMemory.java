package net.historyarchive.search.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The spelling check's answer per word, reused by later searches so that a search whose words were
 * all checked recently is one request to the engine instead of two (docs/benchmarks.md, search
 * latency). An answer depends on what the index holds, so it is forgotten
 * <ul>
 * <li>once anything this instance wrote to the view may have become searchable after the answer
 *     was asked for (a write's refresh, or the next periodic refresh for bulk work), and</li>
 * <li>after {@link EngineSettings#spellingMemory()} at the latest, for what other replicas wrote.</li>
 * </ul>
 * A stale answer could only miss a look-alike or a "did you mean"; the typed word itself is always
 * searched.
 */
@ApplicationScoped
public class SpellingMemory {

    /** What the check said of one word: its look-alike index terms, and its correction if the index does not know it. */
    record Answer(List<String> lookAlikes, Optional<String> correction) {
    }

    private record Remembered(Answer answer, long askedAt) {
    }

    private static final int MAX_WORDS = 20_000;

    private final Cache<String, Remembered> answers;
    private final boolean enabled;
    /** {@link System#nanoTime()} until which changes written by this instance may still become searchable. */
    private final AtomicLong changesSearchableUntil = new AtomicLong(System.nanoTime());

    public SpellingMemory(EngineSettings settings) {
        Duration keep = settings.spellingMemory();
        this.enabled = !keep.isZero() && !keep.isNegative();
        this.answers = Caffeine.newBuilder().maximumSize(MAX_WORDS).expireAfterWrite(enabled ? keep : Duration.ofMillis(1)).build();
    }

    /** The moment to pass to {@link #remember} for an answer asked for now. */
    long now() {
        return System.nanoTime();
    }

    Optional<Answer> recall(String word) {
        Remembered remembered = enabled ? answers.getIfPresent(word) : null;
        if (remembered == null || remembered.askedAt() - changesSearchableUntil.get() <= 0) {
            return Optional.empty();
        }
        return Optional.of(remembered.answer());
    }

    void remember(String word, Answer answer, long askedAt) {
        if (enabled) {
            answers.put(word, new Remembered(answer, askedAt));
        }
    }

    /** Called after this instance wrote to the view: what it wrote is searchable within {@code within}. */
    public void viewChanged(Duration within) {
        long until = System.nanoTime() + within.toNanos();
        changesSearchableUntil.accumulateAndGet(until, (current, next) -> next - current > 0 ? next : current);
    }
}
