package net.historyarchive.infra.bench.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ArchiveCorpusDeterminismTest {

    private static byte[] ndjson(long seed, long first, long count, int threads) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ArchiveCorpus(seed).writeNdjson(out, first, count, threads);
        return out.toByteArray();
    }

    @Test
    void theSameSeedGivesTheSameBytesWhateverTheNumberOfThreads() throws Exception {
        byte[] one = ndjson(42, 0, 2000, 1);
        byte[] again = ndjson(42, 0, 2000, 1);
        byte[] parallel = ndjson(42, 0, 2000, 3);
        assertThat(again).isEqualTo(one);
        assertThat(parallel).isEqualTo(one);
    }

    @Test
    void aDifferentSeedGivesDifferentDocuments() throws Exception {
        List<String> a = new ArchiveCorpus(42).documents(200).toList();
        List<String> b = new ArchiveCorpus(43).documents(200).toList();
        int same = 0;
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).equals(b.get(i))) {
                same++;
            }
        }
        assertThat(same).isZero();
    }

    @Test
    void documentsCanBeReadAtRandomAndFromAnyStartingPoint() throws Exception {
        ArchiveCorpus corpus = new ArchiveCorpus(7);
        List<String> lines = corpus.documents(300).toList();
        assertThat(corpus.document(123)).isEqualTo(lines.get(123));
        String tail = new String(ndjson(7, 250, 50, 2), StandardCharsets.UTF_8);
        assertThat(tail).isEqualTo(String.join("\n", lines.subList(250, 300)) + "\n");
    }

    /**
     * Pins the output of seed 42, so that a benchmark corpus stays the same corpus across versions
     * and machines (the generator uses SplitMix64 and StrictMath, nothing platform-dependent). If
     * the generator is changed on purpose, update the hash and say in the commit that corpora changed.
     */
    @Test
    void seed42IsPinned() throws Exception {
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(ndjson(42, 0, 500, 2)));
        assertThat(sha).isEqualTo(PINNED_SHA256_OF_FIRST_500);
    }

    static final String PINNED_SHA256_OF_FIRST_500 = "6a585f0aa92b3047ea68bfa402067e2c092f20b24edc483f1135362f64340589";

    @Test
    void theCommandLineWritesTheSameFile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("corpus.ndjson");
        CorpusGenerator.main(new String[]{"--documents", "1000", "--seed", "5", "--out", out.toString(), "--threads", "2"});
        assertThat(Files.readAllBytes(out)).isEqualTo(ndjson(5, 0, 1000, 1));
    }
}
