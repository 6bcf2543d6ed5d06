package net.historyarchive.infra.bench.soak;

import net.historyarchive.infra.bench.suite.Stats;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What one minute of the soak saw: latencies per kind of operation, errors, and both services' memory at its end. */
final class SoakMinute {

    private final int minute;
    private final Map<SoakTraffic.Kind, List<Long>> nanos = new EnumMap<>(SoakTraffic.Kind.class);
    private final List<String> errors = new ArrayList<>();
    private ServiceMemory catalog;
    private ServiceMemory search;

    SoakMinute(int minute) {
        this.minute = minute;
        for (SoakTraffic.Kind kind : SoakTraffic.Kind.values()) {
            nanos.put(kind, new ArrayList<>());
        }
    }

    synchronized void record(SoakTraffic.Outcome outcome) {
        nanos.get(outcome.kind()).add(outcome.nanos());
        if (outcome.error() != null) {
            errors.add(outcome.error());
        }
    }

    synchronized void memory(ServiceMemory catalogMemory, ServiceMemory searchMemory) {
        this.catalog = catalogMemory;
        this.search = searchMemory;
    }

    int minute() {
        return minute;
    }

    synchronized int operations() {
        return nanos.values().stream().mapToInt(List::size).sum();
    }

    synchronized List<String> errors() {
        return List.copyOf(errors);
    }

    synchronized Stats stats(SoakTraffic.Kind kind) {
        return Stats.ofNanos(nanos.get(kind));
    }

    synchronized ServiceMemory catalog() {
        return catalog;
    }

    synchronized ServiceMemory search() {
        return search;
    }
}
