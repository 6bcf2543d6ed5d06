package net.historyarchive.deploychecks;

import java.nio.file.Files;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * search-service's consumer defaults (IngestConfig, read as source text), when search-service has
 * one: the topic it reads and its dead-letter topic, which the deployment files must create.
 */
record IngestDefaults(String topic, String bulkTopic, String deadLetterTopic) {

    static final String SOURCE = "search-service/src/main/java/net/historyarchive/search/ingest/IngestConfig.java";

    static Optional<IngestDefaults> read() {
        if (!Files.isRegularFile(Repo.path(SOURCE))) {
            return Optional.empty();
        }
        String source = Repo.read(SOURCE);
        return Optional.of(new IngestDefaults(defaultOf(source, "topic"), defaultOf(source, "bulkTopic"), defaultOf(source, "deadLetterTopic")));
    }

    private static String defaultOf(String source, String method) {
        Matcher m = Pattern.compile("@WithDefault\\(\"([^\"]*)\"\\)\\s+\\w+\\s+" + method + "\\(\\)").matcher(source);
        if (!m.find()) {
            throw new AssertionError(SOURCE + ": no @WithDefault for " + method + "()");
        }
        return m.group(1);
    }
}
