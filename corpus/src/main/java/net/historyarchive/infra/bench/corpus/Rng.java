package net.historyarchive.infra.bench.corpus;

/**
 * SplitMix64 (Steele, Lea and Flood 2014): a small, fast generator whose output is fixed by its
 * algorithm, so a seed gives the same corpus on every JVM and in every future version. Each
 * document gets its own generator seeded from the corpus seed and the document's index, which makes
 * documents independent of one another (random access, parallel generation, same bytes).
 */
final class Rng {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long state;

    Rng(long seed) {
        this.state = seed;
    }

    /** A well-mixed seed for stream {@code stream} of item {@code index} under {@code seed}. */
    static long seedFor(long seed, long stream, long index) {
        return mix(mix(seed + GOLDEN * (stream + 1)) ^ (index * 0xD1B54A32D192ED03L));
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        return mix(state += GOLDEN);
    }

    /** Uniform in [0, bound) (multiply-shift; the bias is below 2^-32 for the bounds used here). */
    int nextInt(int bound) {
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /** Uniform in [from, to], both inclusive. */
    int between(int from, int to) {
        return from + nextInt(to - from + 1);
    }

    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    boolean chance(double probability) {
        return nextDouble() < probability;
    }

    /** A standard normal deviate (Box-Muller, one of the pair). */
    double gaussian() {
        double u = 1.0 - nextDouble();
        double v = nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * Math.PI * v);
    }

    /** A log-normal integer with the given median and spread, clamped to [min, max]. */
    int logNormal(double median, double sigma, int min, int max) {
        long value = Math.round(median * StrictMath.exp(sigma * gaussian()));
        return (int) Math.max(min, Math.min(max, value));
    }

    <T> T pick(T[] values) {
        return values[nextInt(values.length)];
    }

    <T> T pick(java.util.List<T> values) {
        return values.get(nextInt(values.size()));
    }
}
