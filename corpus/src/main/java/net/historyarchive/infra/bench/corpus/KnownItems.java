package net.historyarchive.infra.bench.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Known-item searches over the corpus: for a sample of its records, what a reader who has seen the
 * record would type to find it again: its title as remembered (punctuation a reader would not
 * type left out) and two words of its summary, once as typed correctly and once with one typo in
 * a longer word. Deterministic for a seed, so a relevance figure can be reproduced and gated.
 */
public final class KnownItems {

    /** One known-item search: the record's position in the corpus, the query, and the query with a typo. */
    public record KnownItem(long index, String query, String queryWithTypo) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private KnownItems() {
    }

    /** {@code count} records among the first {@code corpusSize}, each at most once. */
    public static List<KnownItem> sample(ArchiveCorpus corpus, long corpusSize, int count, long seed) {
        Rng rng = new Rng(Rng.seedFor(seed, 7, 0));
        List<KnownItem> items = new ArrayList<>();
        java.util.Set<Long> taken = new java.util.HashSet<>();
        while (items.size() < count && taken.size() < corpusSize) {
            long index = Math.floorMod(rng.nextLong(), corpusSize);
            if (!taken.add(index)) {
                continue;
            }
            items.add(itemFor(index, corpus.document(index), rng));
        }
        return items;
    }

    static KnownItem itemFor(long index, String importLine, Rng rng) {
        JsonNode record;
        try {
            record = JSON.readTree(importLine);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> title = words(record.path("title").asText());
        List<String> summary = words(record.path("summary").asText()).stream().filter(w -> w.length() >= 5).toList();
        List<String> query = new ArrayList<>(title);
        for (int i = 0; i < 2 && !summary.isEmpty(); i++) {
            query.add(summary.get(rng.nextInt(summary.size())));
        }
        List<Integer> typoable = new ArrayList<>();
        for (int i = 0; i < query.size(); i++) {
            if (query.get(i).length() >= 5 && Typos.eligible(query.get(i))) {
                typoable.add(i);
            }
        }
        List<String> withTypo = new ArrayList<>(query);
        if (!typoable.isEmpty()) {
            int at = typoable.get(rng.nextInt(typoable.size()));
            withTypo.set(at, Typos.typo(withTypo.get(at), rng));
        }
        return new KnownItem(index, String.join(" ", query), String.join(" ", withTypo));
    }

    /** The words as a reader would type them: no quotes, brackets or dashes in front of a word. */
    private static List<String> words(String text) {
        return Arrays.stream(text.replaceAll("[\"“”()\\[\\]*]", " ").split("\\s+"))
                .map(w -> w.replaceAll("^[-'‘’]+|[-'‘’.,;:!?]+$", ""))
                .filter(w -> !w.isEmpty() && !w.equals("OR"))
                .toList();
    }
}
