package net.historyarchive.catalog.oai;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The OAI-PMH 2.0 data provider: answers the six verbs from the catalog's tables. Every answer,
 * errors included, is an OAI-PMH XML document; the protocol's error conditions are never HTTP
 * errors. Each request runs in one transaction that first gives datestamps to the changes
 * committed since the last request (OaiStamper), then reads.
 */
@ApplicationScoped
public class OaiService {

    /** The smallest uuid in PostgreSQL's order (unsigned bytes). */
    private static final UUID BEFORE_ALL = new UUID(0, 0);
    private static final Instant BEGINNING = Instant.EPOCH;

    private final AgroalDataSource dataSource;
    private final OaiConfig config;

    public OaiService(AgroalDataSource dataSource, OaiConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** Where the provider is reached and where documents are published, as seen by the harvester. */
    public record Urls(String baseUrl, String documentUrlPrefix) {
    }

    /** @return the complete response document (UTF-8 XML) */
    public byte[] answer(Map<String, List<String>> parameters, Urls urls) {
        OaiRequest request;
        try {
            request = OaiRequest.of(parameters);
        } catch (OaiException e) {
            // badVerb and badArgument: the request element carries no attributes (section 3.2).
            return OaiResponse.error(Instant.now(), urls.baseUrl(), null, e);
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return answer(connection, request, urls);
            } catch (OaiException e) {
                return OaiResponse.error(Instant.now(), urls.baseUrl(), request, e);
            }
        });
    }

    private byte[] answer(Connection c, OaiRequest request, Urls urls) throws SQLException {
        return switch (request.verb()) {
            case Identify -> identify(c, request, urls);
            case ListMetadataFormats -> listMetadataFormats(c, request, urls);
            case ListSets -> listSets(c, request, urls);
            case GetRecord -> getRecord(c, request, urls);
            case ListIdentifiers, ListRecords -> list(c, request, urls);
        };
    }

    private byte[] identify(Connection c, OaiRequest request, Urls urls) throws SQLException {
        Instant now = OaiStamper.stamp(c);
        Instant earliest = OaiStore.earliestDatestamp(c);
        OaiResponse response = OaiResponse.start(now, urls.baseUrl(), request);
        XmlOut xml = response.xml();
        xml.start("", "Identify", OaiResponse.OAI);
        xml.element("", "repositoryName", OaiResponse.OAI, config.repositoryName());
        xml.element("", "baseURL", OaiResponse.OAI, urls.baseUrl());
        xml.element("", "protocolVersion", OaiResponse.OAI, "2.0");
        xml.element("", "adminEmail", OaiResponse.OAI, config.adminEmail());
        xml.element("", "earliestDatestamp", OaiResponse.OAI, OaiDates.format(earliest == null ? now : earliest));
        xml.element("", "deletedRecord", OaiResponse.OAI, "persistent");
        xml.element("", "granularity", OaiResponse.OAI, OaiDates.GRANULARITY);
        xml.end();
        return response.finish();
    }

    private byte[] listMetadataFormats(Connection c, OaiRequest request, Urls urls) throws SQLException {
        String identifier = request.argument("identifier");
        if (identifier != null) {
            OaiStamper.stamp(c);
            if (OaiStore.item(c, documentId(identifier)) == null) {
                throw unknown(identifier);
            }
        }
        // Every record, deleted ones included, is available in every format, so noMetadataFormats never applies.
        OaiResponse response = OaiResponse.start(Instant.now(), urls.baseUrl(), request);
        XmlOut xml = response.xml();
        xml.start("", "ListMetadataFormats", OaiResponse.OAI);
        for (MetadataFormat format : MetadataFormat.values()) {
            xml.start("", "metadataFormat", OaiResponse.OAI);
            xml.element("", "metadataPrefix", OaiResponse.OAI, format.prefix());
            xml.element("", "schema", OaiResponse.OAI, format.schema(urls.baseUrl()));
            xml.element("", "metadataNamespace", OaiResponse.OAI, format.namespace());
            xml.end();
        }
        xml.end();
        return response.finish();
    }

    /** Collections are the sets, in pages like the record lists (an archive can have thousands). */
    private byte[] listSets(Connection c, OaiRequest request, Urls urls) throws SQLException {
        String token = request.argument(OaiVerb.RESUMPTION_TOKEN);
        SetsToken position;
        if (token == null) {
            position = new SetsToken(BEFORE_ALL, 0, OaiStore.setCount(c), Instant.now());
        } else {
            position = SetsToken.decode(token);
            checkNotExpired(position.issuedAt());
        }
        int pageSize = config.pageSize();
        List<OaiStore.SetRow> sets = OaiStore.sets(c, position.lastId(), pageSize + 1);
        boolean more = sets.size() > pageSize;
        if (more) {
            sets = sets.subList(0, pageSize);
        }
        if (sets.isEmpty()) {
            if (token == null || OaiStore.setCount(c) == 0) {
                throw new OaiException(OaiErrorCode.noSetHierarchy, "The repository has no collections, so no sets");
            }
            // A ListSets answer must hold a set: the ones after the token were deleted meanwhile.
            throw new OaiException(OaiErrorCode.badResumptionToken, "The remaining sets were deleted meanwhile; start ListSets again");
        }
        OaiResponse response = OaiResponse.start(Instant.now(), urls.baseUrl(), request);
        XmlOut xml = response.xml();
        xml.start("", "ListSets", OaiResponse.OAI);
        for (OaiStore.SetRow set : sets) {
            xml.start("", "set", OaiResponse.OAI);
            xml.element("", "setSpec", OaiResponse.OAI, set.id().toString());
            xml.element("", "setName", OaiResponse.OAI, set.name());
            if (set.description() != null && !set.description().isEmpty()) {
                xml.start("", "setDescription", OaiResponse.OAI);
                xml.start("oai_dc", "dc", DublinCoreWriter.OAI_DC).namespace("oai_dc", DublinCoreWriter.OAI_DC)
                        .namespace("dc", DublinCoreWriter.DC).namespace("xsi", DublinCoreWriter.XSI)
                        .attribute("xsi", DublinCoreWriter.XSI, "schemaLocation",
                                DublinCoreWriter.OAI_DC + " http://www.openarchives.org/OAI/2.0/oai_dc.xsd");
                xml.element("dc", "description", DublinCoreWriter.DC, set.description());
                xml.end().end();
            }
            xml.end();
        }
        if (more || token != null) {
            SetsToken next = new SetsToken(sets.get(sets.size() - 1).id(), position.cursor() + sets.size(),
                    position.completeListSize(), Instant.now());
            resumptionToken(xml, position.cursor(), Math.max(position.completeListSize(), next.cursor()),
                    more ? next.encode() : null, next.issuedAt());
        }
        xml.end();
        return response.finish();
    }

    private void checkNotExpired(Instant issuedAt) {
        if (issuedAt.plus(config.tokenLifetimeHours(), ChronoUnit.HOURS).isBefore(Instant.now())) {
            throw new OaiException(OaiErrorCode.badResumptionToken, "The resumptionToken has expired; start the list again");
        }
    }

    /** The resumptionToken element; an empty one (no value, no expiry) ends a list that was resumed. */
    private void resumptionToken(XmlOut xml, long cursor, long completeListSize, String value, Instant issuedAt) {
        xml.start("", "resumptionToken", OaiResponse.OAI).attribute("cursor", Long.toString(cursor));
        if (completeListSize > 0) {
            xml.attribute("completeListSize", Long.toString(completeListSize));
        }
        if (value != null) {
            xml.attribute("expirationDate", OaiDates.format(issuedAt.plus(config.tokenLifetimeHours(), ChronoUnit.HOURS)))
                    .text(value);
        }
        xml.end();
    }

    private byte[] getRecord(Connection c, OaiRequest request, Urls urls) throws SQLException {
        MetadataFormat format = MetadataFormat.of(request.argument("metadataPrefix"));
        String identifier = request.argument("identifier");
        Instant now = OaiStamper.stamp(c);
        OaiStore.Item item = OaiStore.item(c, documentId(identifier));
        if (item == null) {
            throw unknown(identifier);
        }
        Map<UUID, Consumer<XmlOut>> metadata = item.deleted() ? Map.of() : metadata(c, List.of(item.id()), format, urls);
        OaiResponse response = OaiResponse.start(now, urls.baseUrl(), request);
        XmlOut xml = response.xml();
        xml.start("", "GetRecord", OaiResponse.OAI);
        record(xml, item, metadata.get(item.id()));
        xml.end();
        return response.finish();
    }

    private byte[] list(Connection c, OaiRequest request, Urls urls) throws SQLException {
        Instant now = OaiStamper.stamp(c);
        String token = request.argument(OaiVerb.RESUMPTION_TOKEN);
        ResumptionToken list;
        if (token == null) {
            list = newList(c, request, now);
        } else {
            list = ResumptionToken.decode(token, request.verb());
            checkNotExpired(list.issuedAt());
        }
        int pageSize = config.pageSize();
        List<OaiStore.Item> items = OaiStore.page(c, list, pageSize + 1);
        boolean more = items.size() > pageSize;
        if (more) {
            items = items.subList(0, pageSize);
        }
        if (items.isEmpty()) {
            throw new OaiException(OaiErrorCode.noRecordsMatch, "No records match the request");
        }
        boolean withRecords = request.verb() == OaiVerb.ListRecords;
        Map<UUID, Consumer<XmlOut>> metadata = withRecords
                ? metadata(c, items.stream().filter(i -> !i.deleted()).map(OaiStore.Item::id).toList(), list.format(), urls)
                : Map.of();

        OaiResponse response = OaiResponse.start(now, urls.baseUrl(), request);
        XmlOut xml = response.xml();
        xml.start("", request.verb().name(), OaiResponse.OAI);
        for (OaiStore.Item item : items) {
            if (withRecords) {
                record(xml, item, metadata.get(item.id()));
            } else {
                header(xml, item, item.deleted());
            }
        }
        if (more || token != null) {
            ResumptionToken next = list.next(items.get(items.size() - 1).id(), items.size(), Instant.now());
            resumptionToken(xml, list.cursor(), list.completeListSize() > 0 ? Math.max(list.completeListSize(), next.cursor()) : 0,
                    more ? next.encode() : null, next.issuedAt());
        }
        xml.end();
        return response.finish();
    }

    private static ResumptionToken newList(Connection c, OaiRequest request, Instant horizon) throws SQLException {
        MetadataFormat format = MetadataFormat.of(request.argument("metadataPrefix"));
        OaiDates.Bound from = request.argument("from") == null ? null : OaiDates.parse("from", request.argument("from"));
        OaiDates.Bound until = request.argument("until") == null ? null : OaiDates.parse("until", request.argument("until"));
        if (from != null && until != null) {
            if (from.day() != until.day()) {
                throw new OaiException(OaiErrorCode.badArgument, "'from' and 'until' must have the same granularity");
            }
            if (from.start().isAfter(until.start())) {
                throw new OaiException(OaiErrorCode.badArgument, "'from' is after 'until'");
            }
        }
        UUID set = null;
        if (request.argument("set") != null) {
            try {
                set = UUID.fromString(request.argument("set"));
            } catch (IllegalArgumentException e) {
                throw new OaiException(OaiErrorCode.noRecordsMatch, "There is no set '" + request.argument("set") + "'");
            }
        }
        // Without until, or with one in the future, the list ends at the horizon: later changes have later datestamps.
        Instant endOfHorizon = horizon.plus(1, ChronoUnit.MICROS);
        Instant untilExclusive = until == null || until.endExclusive().isAfter(endOfHorizon) ? endOfHorizon : until.endExclusive();
        ResumptionToken list = new ResumptionToken(request.verb(), format, set, from == null ? BEGINNING : from.start(),
                untilExclusive, horizon, BEFORE_ALL, 0, 0, Instant.now());
        long size = OaiStore.count(c, list);
        if (size == 0) {
            throw new OaiException(OaiErrorCode.noRecordsMatch, "No records match the request");
        }
        return new ResumptionToken(list.verb(), format, set, list.from(), untilExclusive, horizon, BEFORE_ALL, 0, size, list.issuedAt());
    }

    /**
     * The metadata of the documents with these ids that exist, each as a writer of its record's
     * metadata element content. oai_dc reads only what Dublin Core shows; the native format
     * needs the whole document.
     */
    private static Map<UUID, Consumer<XmlOut>> metadata(Connection c, List<UUID> ids, MetadataFormat format, Urls urls)
            throws SQLException {
        Map<UUID, Consumer<XmlOut>> metadata = new HashMap<>();
        if (format == MetadataFormat.OAI_DC) {
            DublinCoreRecord.read(c, ids).forEach((id, d) -> metadata.put(id, xml -> DublinCoreWriter.write(xml, d, urls.documentUrlPrefix())));
        } else {
            OaiStore.documents(c, ids).forEach((id, d) -> metadata.put(id, xml -> NativeRecordWriter.write(xml, d, urls.baseUrl())));
        }
        return metadata;
    }

    private void record(XmlOut xml, OaiStore.Item item, Consumer<XmlOut> metadata) {
        // A document deleted after its last stamp but before this read is reported as deleted already.
        boolean deleted = item.deleted() || metadata == null;
        xml.start("", "record", OaiResponse.OAI);
        header(xml, item, deleted);
        if (!deleted) {
            xml.start("", "metadata", OaiResponse.OAI);
            metadata.accept(xml);
            xml.end();
        }
        xml.end();
    }

    private void header(XmlOut xml, OaiStore.Item item, boolean deleted) {
        xml.start("", "header", OaiResponse.OAI);
        if (deleted) {
            xml.attribute("status", "deleted");
        }
        xml.element("", "identifier", OaiResponse.OAI, identifier(item.id()));
        xml.element("", "datestamp", OaiResponse.OAI, OaiDates.format(item.datestamp()));
        for (UUID set : item.sets()) {
            xml.element("", "setSpec", OaiResponse.OAI, set.toString());
        }
        xml.end();
    }

    private String identifier(UUID id) {
        return "oai:" + config.repositoryIdentifier() + ":" + id;
    }

    private UUID documentId(String identifier) {
        String prefix = "oai:" + config.repositoryIdentifier() + ":";
        if (identifier.startsWith(prefix)) {
            try {
                return UUID.fromString(identifier.substring(prefix.length()));
            } catch (IllegalArgumentException e) {
                // falls through
            }
        }
        throw unknown(identifier);
    }

    private static OaiException unknown(String identifier) {
        return new OaiException(OaiErrorCode.idDoesNotExist, "'" + identifier + "' is not an identifier of this repository");
    }
}
