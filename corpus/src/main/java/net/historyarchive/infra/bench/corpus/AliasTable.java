package net.historyarchive.infra.bench.corpus;

/**
 * Walker's alias method: draws index i with probability weight[i] / sum(weights) in constant time,
 * which keeps sampling from a 23,000-word Zipfian vocabulary as cheap as from a uniform one.
 */
final class AliasTable {

    private final double[] probability;
    private final int[] alias;

    AliasTable(double[] weights) {
        int n = weights.length;
        if (n == 0) {
            throw new IllegalArgumentException("no weights");
        }
        probability = new double[n];
        alias = new int[n];
        double sum = 0;
        for (double w : weights) {
            if (!(w >= 0)) {
                throw new IllegalArgumentException("negative or NaN weight");
            }
            sum += w;
        }
        double[] scaled = new double[n];
        int[] small = new int[n];
        int[] large = new int[n];
        int smallCount = 0;
        int largeCount = 0;
        for (int i = 0; i < n; i++) {
            scaled[i] = weights[i] * n / sum;
            if (scaled[i] < 1.0) {
                small[smallCount++] = i;
            } else {
                large[largeCount++] = i;
            }
        }
        while (smallCount > 0 && largeCount > 0) {
            int s = small[--smallCount];
            int l = large[--largeCount];
            probability[s] = scaled[s];
            alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1.0;
            if (scaled[l] < 1.0) {
                small[smallCount++] = l;
            } else {
                large[largeCount++] = l;
            }
        }
        while (largeCount > 0) {
            probability[large[--largeCount]] = 1.0;
        }
        while (smallCount > 0) {
            probability[small[--smallCount]] = 1.0;
        }
    }

    /** Weights 1/(rank+1)^exponent for ranks 0..n-1: a Zipf distribution over n items. */
    static AliasTable zipf(int n, double exponent) {
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            weights[i] = 1.0 / StrictMath.pow(i + 1, exponent);
        }
        return new AliasTable(weights);
    }

    int size() {
        return probability.length;
    }

    int sample(Rng rng) {
        long bits = rng.nextLong();
        int i = (int) (((bits >>> 32) * probability.length) >>> 32);
        double coin = (bits & 0xFFFFFFFFL) * 0x1.0p-32;
        return coin < probability[i] ? i : alias[i];
    }
}
