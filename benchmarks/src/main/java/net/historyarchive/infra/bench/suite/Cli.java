package net.historyarchive.infra.bench.suite;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** {@code --name value} and {@code --flag} options of a benchmark command, checked against what it knows. */
public final class Cli {

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> known = new TreeSet<>();

    private Cli() {
    }

    /** @param flags options that take no value */
    public static Cli parse(String[] args, Set<String> flags) {
        Cli cli = new Cli();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("expected an option (--name value), got '" + arg + "'");
            }
            String name = arg.substring(2);
            int eq = name.indexOf('=');
            if (eq > 0) {
                cli.values.put(name.substring(0, eq), name.substring(eq + 1));
            } else if (flags.contains(name)) {
                cli.values.put(name, "true");
            } else if (i + 1 < args.length) {
                cli.values.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
        }
        return cli;
    }

    public String string(String name, String fallback) {
        known.add(name);
        return values.getOrDefault(name, fallback);
    }

    public boolean flag(String name) {
        known.add(name);
        return Boolean.parseBoolean(values.getOrDefault(name, "false"));
    }

    public long number(String name, long fallback) {
        String v = string(name, null);
        return v == null ? fallback : Long.parseLong(v.replace("_", "").replace(",", ""));
    }

    public int integer(String name, int fallback) {
        return Math.toIntExact(number(name, fallback));
    }

    public double decimal(String name, double fallback) {
        String v = string(name, null);
        return v == null ? fallback : Double.parseDouble(v);
    }

    public Path path(String name, Path fallback) {
        String v = string(name, null);
        return v == null ? fallback : Path.of(v).toAbsolutePath().normalize();
    }

    /** Comma-separated integers, e.g. {@code --clients 1,4}. */
    public List<Integer> integers(String name, List<Integer> fallback) {
        String v = string(name, null);
        if (v == null) {
            return fallback;
        }
        List<Integer> out = new ArrayList<>();
        Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(s -> out.add(Integer.parseInt(s)));
        return out;
    }

    /** Comma-separated words, e.g. {@code --engines search-service,lucene}. */
    public List<String> words(String name, List<String> fallback) {
        String v = string(name, null);
        return v == null ? fallback : Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Fails on options no one asked for (call after reading all of them). */
    public void rejectUnknown() {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s) " + unknown + "; known: " + known);
        }
    }
}
