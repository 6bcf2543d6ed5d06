package net.historyarchive.infra.bench.suite;

import java.util.Arrays;
import java.util.Collection;

/** Latency figures of one set of samples (nanoseconds in, milliseconds out), nearest-rank percentiles. */
public record Stats(int count, double p50, double p90, double p99, double max, double mean) {

    public static Stats ofNanos(Collection<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return ofSortedNanos(sorted);
    }

    public static Stats ofNanos(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return ofSortedNanos(sorted);
    }

    private static Stats ofSortedNanos(long[] sorted) {
        if (sorted.length == 0) {
            return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double sum = 0;
        for (long v : sorted) {
            sum += v;
        }
        return new Stats(sorted.length, ms(percentile(sorted, 0.50)), ms(percentile(sorted, 0.90)),
                ms(percentile(sorted, 0.99)), ms(sorted[sorted.length - 1]), sum / sorted.length / 1e6);
    }

    /** Nearest rank: the smallest sample with at least q of all samples at or below it. */
    static long percentile(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** Milliseconds with a precision that suits their size: 0.42, 4.2, 42, 420. */
    public static String fmt(double ms) {
        if (Double.isNaN(ms)) {
            return "–";
        }
        if (ms < 1) {
            return String.format("%.2f", ms);
        }
        if (ms < 10) {
            return String.format("%.1f", ms);
        }
        return String.format("%,.0f", ms);
    }
}
