package net.historyarchive.search.query;

/** The query text cannot be parsed; the message says where and why, for a 400 answer. */
public class QuerySyntaxException extends RuntimeException {

    public QuerySyntaxException(String message) {
        super(message);
    }
}
