package net.historyarchive.catalog.oai;

/** The formats every record is disseminated in. */
enum MetadataFormat {
    /** Unqualified Dublin Core, which every OAI-PMH repository must offer. */
    OAI_DC("oai_dc", "http://www.openarchives.org/OAI/2.0/oai_dc/", "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"),
    /** The whole archival record, nothing lost (the schema is served by this service). */
    ARCHIVE("archive", NativeRecordWriter.NAMESPACE, null);

    private final String prefix;
    private final String namespace;
    private final String schema;

    MetadataFormat(String prefix, String namespace, String schema) {
        this.prefix = prefix;
        this.namespace = namespace;
        this.schema = schema;
    }

    String prefix() {
        return prefix;
    }

    String namespace() {
        return namespace;
    }

    /** @param baseUrl the provider's baseURL, under which the native schema is served */
    String schema(String baseUrl) {
        return schema != null ? schema : baseUrl + NativeRecordWriter.SCHEMA_PATH;
    }

    static MetadataFormat of(String prefix) {
        for (MetadataFormat format : values()) {
            if (format.prefix.equals(prefix)) {
                return format;
            }
        }
        throw new OaiException(OaiErrorCode.cannotDisseminateFormat, "'" + prefix + "' is not a metadata format of this repository");
    }
}
