package net.historyarchive.deploychecks;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which environment variables a service really reads, from its application.properties.
 *
 * <p>A variable is accepted when (1) the file references it as {@code ${VAR}} or
 * {@code ${VAR:default}}, or (2) it is the MicroProfile Config environment form of a property key
 * (upper case, every non-alphanumeric character replaced by {@code _}) of a key that is set in
 * the file, in any profile ({@code %dev.mp.jwt...} counts for {@code mp.jwt...}), or (3) it is the
 * environment form of one of the few keys listed in {@link #EXTRA_KEYS}, each with its reason.
 */
record ServiceConfig(String module, Set<String> propertyKeys, Set<String> referencedVariables,
                     Map<String, String> extraKeys, Map<String, String> properties) {

    /**
     * Keys a service reads although its application.properties does not set them. Keep this short:
     * every entry says where the service reads it.
     */
    static final Map<String, Map<String, String>> EXTRA_KEYS = Map.of(
            "catalog-service", Map.of(
                    "archive.events.replication-factor",
                    "catalog-service's @ConfigMapping(prefix = \"archive.events\") EventsConfig#replicationFactor()"
                            + " (default 1, used when the relay creates the topic); the production overlay sets 3"
                            + " to match its KafkaTopic"),
            "search-service", OpenSearchSettings.KEYS);

    /**
     * Read by the JVM or the container image rather than by Quarkus: the image's ENTRYPOINT expands
     * $JAVA_OPTS (checked against the module's Dockerfile), and every JVM reads JAVA_TOOL_OPTIONS.
     */
    static final String JAVA_OPTS = "JAVA_OPTS";
    static final String JAVA_TOOL_OPTIONS = "JAVA_TOOL_OPTIONS";

    private static final Pattern WHOLE_REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::([^}]*))?}");
    private static final Pattern VARIABLE_REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::[^}]*)?}");

    static ServiceConfig of(String module) {
        String file = module + "/src/main/resources/application.properties";
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(Repo.read(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> keys = new TreeSet<>();
        Set<String> variables = new TreeSet<>();
        Map<String, String> defaultProfile = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            keys.add(withoutProfile(key));
            if (!key.startsWith("%")) {
                defaultProfile.put(key, properties.getProperty(key));
            }
            Matcher m = VARIABLE_REFERENCE.matcher(properties.getProperty(key));
            while (m.find()) {
                variables.add(m.group(1));
            }
        }
        return new ServiceConfig(module, keys, variables, EXTRA_KEYS.getOrDefault(module, Map.of()), defaultProfile);
    }

    /** The variable a property's (default-profile) value is taken from: {@code key=${VAR:default}}. */
    Optional<String> variableFor(String propertyKey) {
        String value = properties.get(propertyKey);
        if (value == null) {
            return Optional.empty();
        }
        Matcher m = WHOLE_REFERENCE.matcher(value.strip());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The default after the colon of a {@code ${VAR:default}} reference (empty if none). */
    Optional<String> defaultOf(String variable) {
        for (String value : properties.values()) {
            Matcher m = WHOLE_REFERENCE.matcher(value.strip());
            if (m.matches() && m.group(1).equals(variable) && m.group(2) != null) {
                return Optional.of(m.group(2));
            }
        }
        return Optional.empty();
    }

    /**
     * Variables whose default only works on a developer's machine (it names localhost): inside a
     * container or a pod these must be set.
     */
    /**
     * Variables whose default names localhost but which a deployment may leave unset, each with why.
     */
    static final Map<String, String> OPTIONAL_LOCALHOST = Map.of("OTEL_EXPORTER_OTLP_ENDPOINT",
            "read only when traces are switched on (OTEL_SDK_DISABLED=false); a deployment without a collector leaves both unset");

    Set<String> variablesThatMustBeSet() {
        Set<String> result = new TreeSet<>();
        for (String variable : referencedVariables) {
            if (!OPTIONAL_LOCALHOST.containsKey(variable)) {
                defaultOf(variable).filter(d -> d.contains("localhost")).ifPresent(d -> result.add(variable));
            }
        }
        if (!DATABASE_OWNERS.contains(module)) {
            // Left-overs of a database this service no longer owns: ServiceConfigTest#searchServiceHasNoDatabase
            // fails while they exist; the deployment files must not supply them.
            datasource().ifPresent(ds -> result.remove(ds.urlVariable()));
        }
        return result;
    }

    /** The target design: each service owns one store, and only the catalog's is PostgreSQL (search-service's is OpenSearch). */
    static final Set<String> DATABASE_OWNERS = Set.of("catalog-service");

    /** The database this service owns and the deployment files must wire (empty for search-service). */
    Optional<Datasource> database() {
        return DATABASE_OWNERS.contains(module) ? datasource() : Optional.empty();
    }

    /** Where a service's datasource settings come from, and the database and role they default to. */
    record Datasource(String urlVariable, String userVariable, String passwordVariable, String database, String user) {
    }

    /** The datasource wiring, when the service has a datasource configured from variables. */
    Optional<Datasource> datasource() {
        Optional<String> url = variableFor("quarkus.datasource.jdbc.url");
        if (url.isEmpty()) {
            return Optional.empty();
        }
        String user = variableFor("quarkus.datasource.username").orElseThrow(() -> new AssertionError(
                module + ": quarkus.datasource.username is not taken from a variable"));
        String password = variableFor("quarkus.datasource.password").orElseThrow(() -> new AssertionError(
                module + ": quarkus.datasource.password is not taken from a variable"));
        String defaultUrl = defaultOf(url.get()).orElseThrow(() -> new AssertionError(module + ": no default for " + url.get()));
        String path = defaultUrl.replaceFirst("\\?.*$", "");
        return Optional.of(new Datasource(url.get(), user, password, path.substring(path.lastIndexOf('/') + 1),
                defaultOf(user).orElseThrow(() -> new AssertionError(module + ": no default for " + user))));
    }

    Optional<String> kafkaVariable() {
        return variableFor("kafka.bootstrap.servers");
    }

    /** {@code %dev.a.b} and {@code %dev,test.a.b} to {@code a.b}. */
    static String withoutProfile(String key) {
        if (key.startsWith("%")) {
            int dot = key.indexOf('.');
            return dot < 0 ? key : key.substring(dot + 1);
        }
        return key;
    }

    /** MicroProfile Config's environment variable form of a property name. */
    static String envName(String propertyKey) {
        return propertyKey.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** Why the service reads this variable, or empty if it does not. */
    Optional<String> whyRead(String variable) {
        if (variable.equals(JAVA_TOOL_OPTIONS)) {
            return Optional.of("read by the JVM itself");
        }
        if (variable.equals(JAVA_OPTS) && Repo.read(module + "/Dockerfile").contains("$JAVA_OPTS")) {
            return Optional.of("expanded by the ENTRYPOINT of " + module + "/Dockerfile");
        }
        if (referencedVariables.contains(variable)) {
            return Optional.of("referenced as ${" + variable + "} in " + module + "'s application.properties");
        }
        for (String key : propertyKeys) {
            if (envName(key).equals(variable)) {
                return Optional.of("environment form of " + key + ", set in " + module + "'s application.properties");
            }
        }
        for (Map.Entry<String, String> extra : extraKeys.entrySet()) {
            if (envName(extra.getKey()).equals(variable)) {
                return Optional.of("environment form of " + extra.getKey() + ": " + extra.getValue());
            }
        }
        return Optional.empty();
    }

    /** For failure messages: everything this service accepts. */
    Map<String, String> accepted() {
        Map<String, String> all = new LinkedHashMap<>();
        referencedVariables.forEach(v -> all.put(v, "${" + v + "}"));
        propertyKeys.forEach(k -> all.putIfAbsent(envName(k), k));
        extraKeys.keySet().forEach(k -> all.putIfAbsent(envName(k), k));
        return all;
    }
}
