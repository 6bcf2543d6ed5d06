package net.historyarchive.search.view;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What writing a batch of events to the view did: how many changed a document, how many were
 * older than what the view holds (harmless, skipped), and which the engine refused for good.
 */
public record ApplyResult(int applied, int stale, List<Rejected> rejected) {

    /** Both results together: the parts of a batch written separately. */
    public ApplyResult plus(ApplyResult other) {
        List<Rejected> both = new ArrayList<>(rejected);
        both.addAll(other.rejected);
        return new ApplyResult(applied + other.applied, stale + other.stale, List.copyOf(both));
    }

    /** An event the view can never hold (the engine refused the document itself), and why. */
    public record Rejected(UUID documentId, String reason) {
    }
}
