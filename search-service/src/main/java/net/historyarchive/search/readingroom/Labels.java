package net.historyarchive.search.readingroom;

import java.util.Locale;

/** Words a reader sees for the codes the records hold. */
final class Labels {

    private Labels() {
    }

    /** RECORD_OF_CONVERSATION becomes "Record of conversation". */
    static String documentType(String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** An ISO 639 code as the language's English name ("ru" becomes "Russian"); unknown codes stay as they are. */
    static String language(String code) {
        String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
        return name.isEmpty() || name.equals(code) ? code : name;
    }

    static String hasTranslation(String value) {
        return Boolean.parseBoolean(value) ? "With translation" : "Without translation";
    }

    static String textKind(String kind) {
        return switch (kind) {
            case "ORIGINAL" -> "Original";
            case "TRANSCRIPT" -> "Transcript";
            case "TRANSLATION" -> "Translation";
            default -> documentType(kind);
        };
    }

    /** How sure the archivist is of the date; empty when sure (the catalog's display already marks it: "circa 1956"). */
    static String dateQualifier(String qualifier) {
        return switch (qualifier == null ? "NONE" : qualifier) {
            case "APPROXIMATE" -> "approximate";
            case "INFERRED" -> "inferred";
            case "UNCERTAIN" -> "uncertain";
            default -> "";
        };
    }

    static String datePrecision(String precision) {
        return switch (precision == null ? "UNKNOWN" : precision) {
            case "DAY" -> "exact day";
            case "MONTH" -> "month";
            case "YEAR" -> "year";
            case "DECADE" -> "decade";
            case "RANGE" -> "date range";
            default -> "date unknown";
        };
    }

    static String reuse(String reuse) {
        return reuse == null ? "" : documentType(reuse);
    }
}
