package net.historyarchive.infra.bench.suite;

import java.util.ArrayList;
import java.util.List;

/** A Markdown table, built row by row. */
public final class Markdown {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public Markdown(String... header) {
        this.header = List.of(header);
    }

    public Markdown row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("expected " + header.size() + " cells, got " + cells.length);
        }
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(String.valueOf(cell).replace("|", "\\|").replace("\n", " "));
        }
        rows.add(row);
        return this;
    }

    public int size() {
        return rows.size();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        b.append("| ").append(String.join(" | ", header)).append(" |\n|");
        header.forEach(h -> b.append("---|"));
        b.append('\n');
        for (List<String> row : rows) {
            b.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return b.toString();
    }
}
