package net.historyarchive.search.export;

import java.util.Arrays;
import java.util.Optional;

/** The formats a result set is exported in, with their media types and file extensions. */
public enum ExportFormat {
    CSV("csv", "text/csv;charset=UTF-8", "csv"),
    NDJSON("ndjson", "application/x-ndjson", "ndjson"),
    RIS("ris", "application/x-research-info-systems", "ris"),
    BIBTEX("bibtex", "application/x-bibtex;charset=UTF-8", "bib"),
    CSL_JSON("csl-json", "application/vnd.citationstyles.csl+json", "json");

    public final String name;
    public final String mediaType;
    public final String extension;

    ExportFormat(String name, String mediaType, String extension) {
        this.name = name;
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public static Optional<ExportFormat> of(String name) {
        return Arrays.stream(values()).filter(f -> f.name.equals(name)).findFirst();
    }

    ExportWriter writer(java.io.Writer out) {
        return switch (this) {
            case CSV -> new CsvWriter(out);
            case NDJSON -> new NdjsonWriter(out);
            case RIS -> new RisWriter(out);
            case BIBTEX -> new BibtexWriter(out);
            case CSL_JSON -> new CslJsonWriter(out);
        };
    }
}
