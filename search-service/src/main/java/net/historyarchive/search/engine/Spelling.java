package net.historyarchive.search.engine;

import com.fasterxml.jackson.databind.JsonNode;
import net.historyarchive.search.query.QueryParser;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.SuggestMode;
import org.opensearch.client.opensearch.core.SearchRequest;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Suggest;
import org.opensearch.client.opensearch.core.search.Suggester;
import org.opensearch.client.opensearch.core.search.TermSuggestOption;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Typo tolerance, decided by asking the index before the search which indexed words lie one edit
 * away from each typed word (OpenSearch's term suggester, with document frequencies):
 * <ul>
 * <li>a word the index does not know widens to all of them, and the commonest is offered as
 *     "did you mean" (in its unstemmed spelling);</li>
 * <li>a word the index knows widens only to rare look-alikes, which are most likely misspellings
 *     in the documents themselves (the seed page's "Pllenum" and "Plenun" for "plenum"), never to
 *     a common word one letter away ("planet" does not find "planes");</li>
 * <li>stop words and words shorter than four letters are never widened.</li>
 * </ul>
 * The exact word always still counts, so widening never makes a query stricter. Answers are
 * reused for a while ({@link SpellingMemory}).
 */
final class Spelling {

    /** Look-alike indexed terms (stemmed, as the index holds them) per typed word, and the corrections. */
    record Plan(Map<String, List<String>> lookAlikes, Map<String, String> corrections) {
        static final Plan NONE = new Plan(Map.of(), Map.of());

        List<String> lookAlikesOf(String word) {
            return lookAlikes.getOrDefault(word, List.of());
        }
    }

    private static final int MIN_LENGTH = 4;
    private static final int MAX_LOOK_ALIKES = 5;
    /** A look-alike in more than this share of the documents is a word of its own, not a typo. */
    private static final double RARE_SHARE = 0.01;

    private Spelling() {
    }

    static Plan check(OpenSearchClient client, String index, Set<String> words, SpellingMemory memory) throws IOException {
        Map<String, SpellingMemory.Answer> answers = new LinkedHashMap<>();
        List<String> unchecked = new ArrayList<>();
        for (String word : words) {
            if (word.length() >= MIN_LENGTH && word.codePoints().allMatch(Character::isLetter)
                    && !IndexDefinition.stopWords().contains(QueryParser.fold(word))) {
                answers.put(word, null);
                memory.recall(word).ifPresentOrElse(answer -> answers.put(word, answer), () -> unchecked.add(word));
            }
        }
        if (answers.isEmpty()) {
            return Plan.NONE;
        }
        if (!unchecked.isEmpty()) {
            long askedAt = memory.now();
            ask(client, index, unchecked).forEach((word, answer) -> {
                answers.put(word, answer);
                memory.remember(word, answer, askedAt);
            });
        }
        Map<String, List<String>> lookAlikes = new LinkedHashMap<>();
        Map<String, String> corrections = new LinkedHashMap<>();
        answers.forEach((word, answer) -> {
            if (!answer.lookAlikes().isEmpty()) {
                lookAlikes.put(word, answer.lookAlikes());
            }
            answer.correction().ifPresent(correction -> corrections.put(word, correction));
        });
        return new Plan(lookAlikes, corrections);
    }

    /** One request with three term suggesters per word. */
    private static Map<String, SpellingMemory.Answer> ask(OpenSearchClient client, String index, List<String> candidates) throws IOException {
        Suggester.Builder suggester = new Suggester.Builder();
        for (int i = 0; i < candidates.size(); i++) {
            String word = candidates.get(i);
            suggester.suggesters("near" + i, s -> s.text(word).term(t -> t.field("all").suggestMode(SuggestMode.Always)
                    .maxEdits(1).prefixLength(0).minWordLength(MIN_LENGTH).size(MAX_LOOK_ALIKES)));
            suggester.suggesters("unknown" + i, s -> s.text(word).term(t -> t.field("all").suggestMode(SuggestMode.Missing)
                    .maxEdits(1).prefixLength(0).minWordLength(MIN_LENGTH).size(1)));
            suggester.suggesters("spelling" + i, s -> s.text(word).term(t -> t.field("spell").suggestMode(SuggestMode.Missing)
                    .maxEdits(1).prefixLength(0).minWordLength(MIN_LENGTH).size(1)));
        }
        SearchResponse<JsonNode> response = client.search(SearchRequest.of(r -> r.index(index).size(0)
                .trackTotalHits(t -> t.enabled(true)).suggest(suggester.build())), JsonNode.class);
        long documents = response.hits().total() == null ? 0 : response.hits().total().value();
        long rare = Math.max(1, (long) (documents * RARE_SHARE));
        Map<String, SpellingMemory.Answer> answers = new LinkedHashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            boolean unknown = !options(response, "unknown" + i).isEmpty();
            List<String> chosen = new ArrayList<>();
            for (TermSuggestOption option : options(response, "near" + i)) {
                if (unknown || option.freq() <= rare) {
                    chosen.add(option.text());
                }
            }
            Optional<String> correction = Optional.empty();
            if (unknown) {
                List<TermSuggestOption> spelled = options(response, "spelling" + i);
                correction = Optional.of(spelled.isEmpty() ? options(response, "unknown" + i).get(0).text() : spelled.get(0).text());
            }
            answers.put(candidates.get(i), new SpellingMemory.Answer(List.copyOf(chosen), correction));
        }
        return answers;
    }

    private static List<TermSuggestOption> options(SearchResponse<JsonNode> response, String name) {
        List<TermSuggestOption> options = new ArrayList<>();
        for (Suggest<JsonNode> entry : response.suggest().getOrDefault(name, List.of())) {
            if (entry.isTerm()) {
                options.addAll(entry.term().options());
            }
        }
        return options;
    }
}
