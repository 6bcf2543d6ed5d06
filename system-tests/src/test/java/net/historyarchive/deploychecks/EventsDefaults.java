package net.historyarchive.deploychecks;

import org.apache.kafka.common.config.TopicConfig;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The change topic's defaults as catalog-service declares them (EventsConfig, read as source text),
 * so the deployment files cannot drift from the service.
 */
record EventsDefaults(String topic, String bulkTopic, String partitions, String replicationFactor) {

    static final String SOURCE =
            "catalog-service/src/main/java/net/historyarchive/catalog/outbox/relay/EventsConfig.java";

    static EventsDefaults read() {
        String source = Repo.read(SOURCE);
        if (!source.contains("@ConfigMapping(prefix = \"archive.events\")")) {
            throw new AssertionError(SOURCE + " no longer declares @ConfigMapping(prefix = \"archive.events\")");
        }
        return new EventsDefaults(defaultOf(source, "topic"), defaultOf(source, "bulkTopic"), defaultOf(source, "partitions"),
                defaultOf(source, "replicationFactor"));
    }

    static final String TOPIC_SETUP =
            "catalog-service/src/main/java/net/historyarchive/catalog/outbox/relay/TopicSetup.java";

    /**
     * The Kafka topic settings catalog-service's TopicSetup gives the topic when it creates it
     * (the TopicConfig constants it names, e.g. cleanup.policy): the deployment files must set each.
     */
    static Set<String> topicConfigNames() {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("TopicConfig\\.([A-Z_]+_CONFIG)").matcher(Repo.read(TOPIC_SETUP));
        while (m.find()) {
            try {
                names.add((String) TopicConfig.class.getField(m.group(1)).get(null));
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(TOPIC_SETUP + " names TopicConfig." + m.group(1) + ", which kafka-clients lacks", e);
            }
        }
        if (names.isEmpty()) {
            throw new AssertionError(TOPIC_SETUP + " names no TopicConfig setting");
        }
        return names;
    }

    /** TopicSetup.MAX_MESSAGE_BYTES, when declared as a product of integer literals. */
    static Optional<Long> maxMessageBytes() {
        Matcher m = Pattern.compile("MAX_MESSAGE_BYTES\\s*=\\s*([0-9*\\s]+);").matcher(Repo.read(TOPIC_SETUP));
        if (!m.find()) {
            return Optional.empty();
        }
        long product = 1;
        for (String factor : m.group(1).split("\\*")) {
            product *= Long.parseLong(factor.strip());
        }
        return Optional.of(product);
    }

    /** The ConfigMap key (and script variable) of a topic setting: max.message.bytes to MAX_MESSAGE_BYTES. */
    static String key(String topicConfigName) {
        return topicConfigName.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
    }

    /** The @WithDefault value right before {@code <type> method();}. */
    private static String defaultOf(String source, String method) {
        Matcher m = Pattern.compile("@WithDefault\\(\"([^\"]*)\"\\)\\s+\\w+\\s+" + method + "\\(\\)").matcher(source);
        if (!m.find()) {
            throw new AssertionError(SOURCE + ": no @WithDefault for " + method + "()");
        }
        return m.group(1);
    }
}
