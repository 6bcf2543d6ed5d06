package net.historyarchive.catalog.oai;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** Settings of the OAI-PMH data provider (archive.oai.*). */
@ConfigMapping(prefix = "archive.oai")
public interface OaiConfig {

    /** repositoryName in Identify. */
    @WithDefault("Historical document archive")
    String repositoryName();

    /** The namespace part of OAI identifiers: oai:{repository-identifier}:{document id}. */
    @WithDefault("historyarchive.net")
    String repositoryIdentifier();

    /** adminEmail in Identify (the OAI-PMH schema requires one with a dotted domain). */
    @WithDefault("archive-admin@example.org")
    String adminEmail();

    /**
     * The public base URL of the provider (baseURL in Identify, e.g. https://archive.example.org/oai).
     * Without it the URL of the request is used, which is wrong behind a proxy that rewrites hosts.
     */
    Optional<String> baseUrl();

    /**
     * Prefix of a document's public URL, followed by its id (dc:identifier). Defaults to this
     * service's /api/v1/documents/ under the request's host.
     */
    Optional<String> documentUrlPrefix();

    /** Records (ListRecords) or headers (ListIdentifiers) per response. */
    @WithDefault("500")
    int pageSize();

    /** How long a resumption token is honoured, in hours (stated as expirationDate). */
    @WithDefault("24")
    int tokenLifetimeHours();
}
