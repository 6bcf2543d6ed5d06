package net.historyarchive.infra.bench.search;

import net.historyarchive.infra.bench.suite.Stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Closed-loop load: {@code clients} threads, each with its own engine client, each running the
 * whole mix {@code rounds} times in its own shuffled order (fixed seeds), one query after the other.
 * Latency is measured per query from call to complete answer; throughput is all answered queries
 * over the wall time from the common start to the last client's end.
 */
public final class LoadRun {

    public record Result(String engine, int clients, int rounds, double wallSeconds, Map<String, List<Long>> nanosByQuery,
                         Map<String, SearchEngine.Outcome> outcomes, int errors, List<String> errorSamples) {

        public int answered() {
            return nanosByQuery.values().stream().mapToInt(List::size).sum();
        }

        public double throughput() {
            return answered() / wallSeconds;
        }

        public Stats overall() {
            List<Long> all = new ArrayList<>();
            nanosByQuery.values().forEach(all::addAll);
            return Stats.ofNanos(all);
        }

        public Stats band(List<BenchQuery> mix, String band) {
            List<Long> all = new ArrayList<>();
            mix.stream().filter(q -> q.band().equals(band)).forEach(q -> all.addAll(nanosByQuery.getOrDefault(q.id(), List.of())));
            return Stats.ofNanos(all);
        }

        public Stats query(String id) {
            return Stats.ofNanos(nanosByQuery.getOrDefault(id, List.of()));
        }
    }

    private LoadRun() {
    }

    /** Runs the mix {@code rounds} times per client, untimed, to warm caches and JIT. */
    public static void warmUp(SearchEngine engine, List<BenchQuery> mix, int rounds) throws Exception {
        try (SearchEngine.Client client = engine.client()) {
            for (int r = 0; r < rounds; r++) {
                for (BenchQuery q : mix) {
                    client.run(q);
                }
            }
        }
    }

    public static Result run(SearchEngine engine, List<BenchQuery> mix, int clients, int rounds, long seed) throws Exception {
        return run(engine.name(), engine, mix, clients, rounds, seed);
    }

    /** @param label the engine's name in the result (e.g. with the facet variant) */
    public static Result run(String label, SearchEngine engine, List<BenchQuery> mix, int clients, int rounds, long seed)
            throws Exception {
        Map<String, List<Long>> samples = new ConcurrentHashMap<>();
        Map<String, SearchEngine.Outcome> outcomes = new ConcurrentHashMap<>();
        mix.forEach(q -> samples.put(q.id(), Collections.synchronizedList(new ArrayList<>())));
        AtomicInteger errors = new AtomicInteger();
        List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());
        CyclicBarrier start = new CyclicBarrier(clients + 1);
        List<Thread> threads = new ArrayList<>();
        long[] ends = new long[clients];
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                try (SearchEngine.Client cl = engine.client()) {
                    Random random = new Random(seed * 31 + client);
                    start.await();
                    for (int r = 0; r < rounds; r++) {
                        List<BenchQuery> order = new ArrayList<>(mix);
                        Collections.shuffle(order, random);
                        for (BenchQuery q : order) {
                            long t0 = System.nanoTime();
                            try {
                                SearchEngine.Outcome outcome = cl.run(q);
                                samples.get(q.id()).add(System.nanoTime() - t0);
                                outcomes.putIfAbsent(q.id(), outcome);
                            } catch (Exception e) {
                                errors.incrementAndGet();
                                if (errorSamples.size() < 5) {
                                    errorSamples.add(q.id() + ": " + e);
                                }
                            }
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                    errorSamples.add("client " + client + ": " + e);
                } finally {
                    ends[client] = System.nanoTime();
                }
            }, "bench-client-" + c);
            t.start();
            threads.add(t);
        }
        start.await();
        long t0 = System.nanoTime();
        for (Thread t : threads) {
            t.join();
        }
        long end = 0;
        for (long e : ends) {
            end = Math.max(end, e);
        }
        Map<String, List<Long>> ordered = new LinkedHashMap<>();
        mix.forEach(q -> ordered.put(q.id(), List.copyOf(samples.get(q.id()))));
        return new Result(label, clients, rounds, (end - t0) / 1e9, ordered, Map.copyOf(outcomes), errors.get(),
                List.copyOf(errorSamples));
    }
}
