package net.historyarchive.catalog.oai;

import java.util.Set;

/** The six requests of OAI-PMH 2.0 and the arguments each one takes (section 4). */
enum OaiVerb {
    Identify(Set.of(), Set.of(), false),
    ListMetadataFormats(Set.of(), Set.of("identifier"), false),
    ListSets(Set.of(), Set.of(), true),
    GetRecord(Set.of("identifier", "metadataPrefix"), Set.of(), false),
    ListIdentifiers(Set.of("metadataPrefix"), Set.of("from", "until", "set"), true),
    ListRecords(Set.of("metadataPrefix"), Set.of("from", "until", "set"), true);

    static final String RESUMPTION_TOKEN = "resumptionToken";

    private final Set<String> required;
    private final Set<String> optional;
    private final boolean resumable;

    OaiVerb(Set<String> required, Set<String> optional, boolean resumable) {
        this.required = required;
        this.optional = optional;
        this.resumable = resumable;
    }

    static OaiVerb parse(String name) {
        for (OaiVerb verb : values()) {
            if (verb.name().equals(name)) {
                return verb;
            }
        }
        return null;
    }

    /** Checks the argument names: a resumptionToken is exclusive, otherwise required ones present, no others. */
    void check(Set<String> names) {
        if (resumable && names.contains(RESUMPTION_TOKEN)) {
            if (names.size() > 1) {
                throw new OaiException(OaiErrorCode.badArgument, "resumptionToken is an exclusive argument");
            }
            return;
        }
        for (String name : names) {
            if (!required.contains(name) && !optional.contains(name)) {
                throw new OaiException(OaiErrorCode.badArgument, "'" + name + "' is not an argument of " + name());
            }
        }
        for (String name : required) {
            if (!names.contains(name)) {
                throw new OaiException(OaiErrorCode.badArgument, name() + " requires the argument '" + name + "'");
            }
        }
    }
}
