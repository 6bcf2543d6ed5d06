package net.historyarchive.infra.bench.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the word lists under {@code corpus/} on the class path. */
final class Resources {

    private Resources() {
    }

    /** The lines of {@code corpus/name}, without blank lines and "#" comments. */
    static List<String> lines(String name) {
        String path = "/corpus/" + name;
        try (InputStream in = Resources.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing class path resource " + path);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tab-separated columns of each line of {@code corpus/name}, checked to number at least {@code min}. */
    static List<String[]> rows(String name, int min) {
        List<String[]> rows = new ArrayList<>();
        for (String line : lines(name)) {
            String[] columns = line.split("\t");
            if (columns.length < min) {
                throw new IllegalStateException("corpus/" + name + ": expected " + min + " columns in: " + line);
            }
            rows.add(columns);
        }
        return rows;
    }
}
