package net.historyarchive.infra.bench.corpus;

import java.util.List;
import java.util.Map;

/** The standard measures of a ranking, from the 1-based rank at which the wanted document came (0: not in the top k). */
public final class RelevanceMetrics {

    private RelevanceMetrics() {
    }

    /** Share of searches whose wanted document came within the first {@code k}. */
    public static double successAt(List<Integer> ranks, int k) {
        return ranks.isEmpty() ? 0 : ranks.stream().filter(r -> r >= 1 && r <= k).count() / (double) ranks.size();
    }

    /** Mean reciprocal rank, counting only the first {@code k} places. */
    public static double mrrAt(List<Integer> ranks, int k) {
        return ranks.isEmpty() ? 0 : ranks.stream().mapToDouble(r -> r >= 1 && r <= k ? 1.0 / r : 0).average().orElse(0);
    }

    /**
     * Normalised discounted cumulative gain of one ranking: {@code ranked} the document keys in the
     * order returned, {@code gains} each judged document's grade (unjudged: 0).
     */
    public static double ndcgAt(List<String> ranked, Map<String, Integer> gains, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            dcg += gains.getOrDefault(ranked.get(i), 0) / log2(i + 2);
        }
        List<Integer> ideal = gains.values().stream().sorted((a, b) -> b - a).toList();
        double idcg = 0;
        for (int i = 0; i < Math.min(k, ideal.size()); i++) {
            idcg += ideal.get(i) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
