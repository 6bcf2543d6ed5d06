package net.historyarchive.catalog.common.domain;

/**
 * A write was based on a version of the record that is no longer the current one: the caller has
 * not seen a change made since, and must not overwrite it.
 */
public class VersionConflictException extends RuntimeException {

    private final long expected;
    private final long current;

    public VersionConflictException(long expected, long current) {
        super("expected version " + expected + ", current version " + current);
        this.expected = expected;
        this.current = current;
    }

    /**
     * @param expected the version the write is based on; {@code null} for any version
     * @throws VersionConflictException when the stored version is not the expected one
     */
    public static void check(Long expected, long current) {
        if (expected != null && expected != current) {
            throw new VersionConflictException(expected, current);
        }
    }

    public long expected() {
        return expected;
    }

    public long current() {
        return current;
    }
}
