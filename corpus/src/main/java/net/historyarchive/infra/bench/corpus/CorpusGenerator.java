package net.historyarchive.infra.bench.corpus;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a deterministic corpus of archive records as NDJSON, ready for the catalog's bulk import.
 *
 * <pre>
 * java -cp corpus/target/classes \
 *   net.historyarchive.infra.bench.corpus.CorpusGenerator --documents 1000000 --seed 42 --out corpus.ndjson
 * </pre>
 *
 * Options: {@code --documents N} (default 1000), {@code --seed S} (default 42), {@code --out FILE}
 * ({@code -} or absent for standard output), {@code --first K} (start at document K, default 0),
 * {@code --threads T} (default: the number of processors; the output does not depend on it),
 * {@code --typo-rate R} (default 0.003). A summary line goes to standard error.
 */
public final class CorpusGenerator {

    private CorpusGenerator() {
    }

    public static void main(String[] args) throws IOException {
        long documents = 1000;
        long seed = 42;
        long first = 0;
        String out = "-";
        int threads = Runtime.getRuntime().availableProcessors();
        double typoRate = ArchiveCorpus.DEFAULT_TYPO_RATE;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                usage(0);
            }
            if (i + 1 >= args.length) {
                System.err.println("missing value for " + arg);
                usage(2);
            }
            String value = args[++i];
            try {
                switch (arg) {
                    case "--documents" -> documents = Long.parseLong(value.replace("_", "").replace(",", ""));
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--first" -> first = Long.parseLong(value);
                    case "--out" -> out = value;
                    case "--threads" -> threads = Integer.parseInt(value);
                    case "--typo-rate" -> typoRate = Double.parseDouble(value);
                    default -> {
                        System.err.println("unknown option " + arg);
                        usage(2);
                    }
                }
            } catch (NumberFormatException e) {
                System.err.println("not a number for " + arg + ": " + value);
                usage(2);
            }
        }
        if (documents < 1 || first < 0 || threads < 1) {
            System.err.println("--documents and --threads must be positive, --first not negative");
            usage(2);
        }
        ArchiveCorpus corpus = new ArchiveCorpus(seed, typoRate);
        long started = System.nanoTime();
        long bytes;
        boolean toStdout = out.equals("-");
        try (OutputStream stream = new BufferedOutputStream(
                toStdout ? System.out : Files.newOutputStream(Path.of(out)), 1 << 20)) {
            bytes = corpus.writeNdjson(stream, first, documents, threads);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.err.printf("Wrote %,d documents (seed %d, from %d), %,.1f MB, to %s in %.1f s: %,.0f documents/s, %.1f MB/s%n",
                documents, seed, first, bytes / 1e6, toStdout ? "standard output" : out, seconds, documents / seconds,
                bytes / 1e6 / seconds);
    }

    private static void usage(int status) {
        System.err.println("usage: CorpusGenerator [--documents N] [--seed S] [--out FILE|-] [--first K] [--threads T] [--typo-rate R]");
        System.exit(status);
    }
}
