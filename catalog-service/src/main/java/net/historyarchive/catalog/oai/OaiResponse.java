package net.historyarchive.catalog.oai;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/** The OAI-PMH envelope: responseDate, the request echoed, then the verb's element or the error. */
final class OaiResponse {

    static final String OAI = "http://www.openarchives.org/OAI/2.0/";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9\\-_.!~*'()]+");
    private static final Pattern SET_SPEC = Pattern.compile("[A-Za-z0-9\\-_.!~*'()]+(:[A-Za-z0-9\\-_.!~*'()]+)*");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}:\\d{2}Z)?");
    private static final Pattern URI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:[^\\s<>\"{}|\\\\^`]+");

    /** Every argument a checked request can have, in the order they are echoed (GET and POST alike). */
    private static final List<String> ARGUMENT_ORDER =
            List.of("identifier", "metadataPrefix", "from", "until", "set", "resumptionToken");

    private final XmlOut xml;

    private OaiResponse(XmlOut xml) {
        this.xml = xml;
    }

    /** @param request the checked request, whose arguments are echoed; null after badVerb/badArgument */
    static OaiResponse start(Instant responseDate, String baseUrl, OaiRequest request) {
        XmlOut xml = new XmlOut();
        xml.start("", "OAI-PMH", OAI).namespace("", OAI).namespace("xsi", XSI)
                .attribute("xsi", XSI, "schemaLocation", OAI + " http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd");
        xml.element("", "responseDate", OAI, OaiDates.format(responseDate));
        xml.start("", "request", OAI);
        if (request != null) {
            xml.attribute("verb", request.verb().name());
            for (String name : ARGUMENT_ORDER) {
                String value = request.argument(name);
                if (value != null && echoable(name, value)) {
                    xml.attribute(name, value);
                }
            }
        }
        xml.text(baseUrl).end();
        return new OaiResponse(xml);
    }

    static byte[] error(Instant responseDate, String baseUrl, OaiRequest request, OaiException error) {
        boolean badRequest = error.code() == OaiErrorCode.badVerb || error.code() == OaiErrorCode.badArgument;
        OaiResponse response = start(responseDate, baseUrl, badRequest ? null : request);
        response.xml.start("", "error", OAI).attribute("code", error.code().name()).text(error.getMessage()).end();
        return response.finish();
    }

    /** Only values the schema's attribute types accept are echoed (a bad prefix or set is reported, not repeated). */
    private static boolean echoable(String name, String value) {
        return switch (name) {
            case "metadataPrefix" -> PREFIX.matcher(value).matches();
            case "set" -> SET_SPEC.matcher(value).matches();
            case "from", "until" -> DATE.matcher(value).matches();
            case "identifier" -> URI.matcher(value).matches();
            default -> true;
        };
    }

    XmlOut xml() {
        return xml;
    }

    byte[] finish() {
        xml.end();
        return xml.finish();
    }
}
