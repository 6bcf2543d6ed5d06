package net.historyarchive.infra.bench.corpus;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * A deterministic corpus of realistic archive records in the catalog's bulk-import format: each
 * document is one JSON object (a DocumentInput) on one line. The same seed gives byte-identical
 * documents; document {@code i} depends only on the seed and {@code i}, so documents can be read at
 * random, streamed, or generated in parallel with the same result.
 *
 * <pre>
 * ArchiveCorpus corpus = new ArchiveCorpus(42);
 * corpus.documents().limit(1000).forEach(line -&gt; ...);   // NDJSON lines, in order
 * String third = corpus.document(2);
 * corpus.vocabulary().words(Vocabulary.Band.RARE);         // query terms for a search benchmark
 * </pre>
 *
 * <p>Collections and related documents are left out: the catalog accepts them only as ids of
 * records that already exist.
 */
public final class ArchiveCorpus {

    /** The share of words of four or more letters (in summaries, bodies and titles' topic phrases) that get a typo. */
    public static final double DEFAULT_TYPO_RATE = 0.003;
    private static final long DOCUMENT_STREAM = 1;
    private static final long TYPO_STREAM = 2;
    private static final int CHUNK = 500;

    private final long seed;
    private final double typoRate;
    private final Lexicon lexicon;
    private final Entities entities;

    public ArchiveCorpus(long seed) {
        this(seed, DEFAULT_TYPO_RATE);
    }

    /** @param typoRate share of eligible words with a typo; 0 gives the same documents without typos */
    public ArchiveCorpus(long seed, double typoRate) {
        if (typoRate < 0 || typoRate >= 1) {
            throw new IllegalArgumentException("typoRate must be in [0, 1)");
        }
        this.seed = seed;
        this.typoRate = typoRate;
        this.lexicon = Lexicon.get();
        this.entities = Entities.get();
    }

    public long seed() {
        return seed;
    }

    /** Document {@code index} (from 0) as one line of JSON, without the newline. */
    public String document(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative");
        }
        StringBuilder json = new StringBuilder(4096);
        append(json, index);
        return json.toString();
    }

    private void append(StringBuilder json, long index) {
        Rng rng = new Rng(Rng.seedFor(seed, DOCUMENT_STREAM, index));
        Typos typos = new Typos(new Rng(Rng.seedFor(seed, TYPO_STREAM, index)), typoRate);
        new DocumentBuilder(lexicon, entities, rng, typos).build(json);
    }

    /** Documents 0, 1, 2, ... without end, in order (use {@code limit}). */
    public Stream<String> documents() {
        return LongStream.iterate(0, i -> i + 1).mapToObj(this::document);
    }

    /** Documents 0 to {@code count - 1}, in order. */
    public Stream<String> documents(long count) {
        return LongStream.range(0, count).mapToObj(this::document);
    }

    /**
     * Writes documents {@code first} to {@code first + count - 1} as NDJSON (UTF-8, one per line,
     * each line ending with a newline), generating them on {@code threads} threads in chunks while
     * writing in order; memory stays bounded whatever the count.
     *
     * @return the number of bytes written
     */
    public long writeNdjson(OutputStream out, long first, long count, int threads) throws IOException {
        long end = first + count;
        long bytes = 0;
        if (threads <= 1) {
            for (long i = first; i < end; i += CHUNK) {
                byte[] chunk = chunk(i, (int) Math.min(CHUNK, end - i));
                out.write(chunk);
                bytes += chunk.length;
            }
            return bytes;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "corpus-generator");
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<byte[]>> inFlight = new ArrayDeque<>();
            long next = first;
            while (next < end || !inFlight.isEmpty()) {
                while (inFlight.size() < threads * 3 && next < end) {
                    long from = next;
                    int n = (int) Math.min(CHUNK, end - next);
                    inFlight.add(pool.submit(() -> chunk(from, n)));
                    next += n;
                }
                byte[] chunk = inFlight.poll().get();
                out.write(chunk);
                bytes += chunk.length;
            }
            return bytes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("generating documents failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private byte[] chunk(long from, int n) {
        StringBuilder lines = new StringBuilder(n * 2200);
        for (int i = 0; i < n; i++) {
            append(lines, from + i);
            lines.append('\n');
        }
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The words, names and phrases the documents are made of, by frequency: for building query mixes. */
    public Vocabulary vocabulary() {
        return Vocabulary.of(lexicon, entities);
    }
}
