package net.historyarchive.search.readingroom;

import net.historyarchive.search.result.SearchResult;

import java.text.NumberFormat;
import java.util.Locale;

/** "Results: 1 - 10 of 25" as on the seed page; "of at least 1,000" when the total is a lower bound. */
final class ResultLine {

    private ResultLine() {
    }

    static String of(SearchResult result) {
        if (result.hits().isEmpty()) {
            return result.total().value() == 0 ? "No results" : "No results on this page";
        }
        NumberFormat numbers = NumberFormat.getIntegerInstance(Locale.ENGLISH);
        String total = numbers.format(result.total().value());
        return "Results: " + numbers.format(result.from()) + " - " + numbers.format(result.to()) + " of "
                + ("gte".equals(result.total().relation()) ? "at least " + total : total);
    }
}
