package net.historyarchive.search.query;

/** A cursor that cannot continue: malformed, from another search, or expired. */
public class CursorRejected extends RuntimeException {

    public CursorRejected(String message) {
        super(message, null, false, false);
    }
}
