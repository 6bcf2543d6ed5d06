package net.historyarchive.search.admin;

/**
 * Fired synchronously (CDI event) on the rebuild's thread when it enters a phase, after the
 * status shows it: for logging, metrics, or a test that needs the rebuild to stand still there.
 */
public record RebuildProgress(RebuildStatus.Phase phase) {
}
