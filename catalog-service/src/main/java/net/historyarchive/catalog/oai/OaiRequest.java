package net.historyarchive.catalog.oai;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A checked OAI-PMH request: one known verb and its arguments, each given once. Everything the
 * protocol calls badVerb or badArgument is found here, before any data is read.
 */
record OaiRequest(OaiVerb verb, Map<String, String> arguments) {

    static OaiRequest of(Map<String, List<String>> parameters) {
        List<String> verbs = parameters.get("verb");
        if (verbs == null || verbs.isEmpty()) {
            throw new OaiException(OaiErrorCode.badVerb, "The request has no verb");
        }
        if (verbs.size() > 1) {
            throw new OaiException(OaiErrorCode.badVerb, "The verb is repeated");
        }
        OaiVerb verb = OaiVerb.parse(verbs.get(0));
        if (verb == null) {
            throw new OaiException(OaiErrorCode.badVerb, "'" + verbs.get(0) + "' is not an OAI-PMH verb");
        }
        Map<String, String> arguments = new LinkedHashMap<>();
        parameters.forEach((name, values) -> {
            if (name.equals("verb")) {
                return;
            }
            if (values.size() != 1) {
                throw new OaiException(OaiErrorCode.badArgument, "The argument '" + name + "' is repeated");
            }
            arguments.put(name, values.get(0));
        });
        verb.check(arguments.keySet());
        return new OaiRequest(verb, arguments);
    }

    String argument(String name) {
        return arguments.get(name);
    }
}
