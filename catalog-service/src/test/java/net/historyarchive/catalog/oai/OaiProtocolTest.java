package net.historyarchive.catalog.oai;

import io.quarkus.test.junit.QuarkusTest;
import net.historyarchive.catalog.support.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The protocol itself: every verb answers a document valid against the OAI-PMH 2.0, oai_dc and
 * native schemas, every error condition has its code (HTTP 200, never a 500), GET and POST agree,
 * and lists page with resumption tokens that carry cursor, completeListSize and expirationDate.
 */
@QuarkusTest
class OaiProtocolTest {

    private static final String FULL_RECORD = """
            {"title": "Record of a Conversation between Mao Zedong and Anastas Mikoyan <&> \\"quoted\\"",
             "summary": "Mao Zedong reveals that several Korean Workers' Party members have been placed under arrest.",
             "date": {"start": "1956-09-07", "precision": "MONTH", "qualifier": "APPROXIMATE"},
             "documentType": "RECORD_OF_CONVERSATION", "languages": ["ru", "zh"],
             "texts": [{"kind": "TRANSLATION", "language": "en", "body": "Mao: ...", "translators": ["Gary Goldberg"]},
                       {"kind": "ORIGINAL", "language": "ru", "body": "Мао: ..."}],
             "source": {"repository": "Archive of Foreign Policy of the Russian Federation (AVPRF)", "fond": "0102",
                        "opis": "12", "delo": "6", "folios": "1-18", "citation": "AVPRF, fond 0102, opis 12, delo 6, listy 1-18"},
             "rights": {"statement": "Public domain.", "uri": "https://rightsstatements.org/vocab/NoC-US/1.0/", "reuse": "PUBLIC_DOMAIN"},
             "collections": ["%s"],
             "subjects": ["August Plenum Incident"], "people": ["Mao Zedong", "Anastas Mikoyan"], "places": ["Beijing"],
             "related": ["%s"],
             "media": [{"uri": "https://media.example.org/scans/1.pdf", "mediaType": "application/pdf", "caption": "Scan"}]}""";

    @Test
    void everyVerbAnswersAValidDocument() {
        String collection = Api.createCollection(Api.unique("OAI protocol"));
        String related = Api.createDocumentTitled("Related telegram");
        String id = Api.createDocument(FULL_RECORD.formatted(collection, related));

        String identify = Oai.get("verb=Identify");
        assertThat(identify).contains("<deletedRecord>persistent</deletedRecord>")
                .contains("<granularity>YYYY-MM-DDThh:mm:ssZ</granularity>").contains("<protocolVersion>2.0</protocolVersion>");

        assertThat(Oai.get("verb=ListMetadataFormats")).contains("<metadataPrefix>oai_dc</metadataPrefix>")
                .contains("<metadataPrefix>archive</metadataPrefix>");
        assertThat(Oai.get("verb=ListMetadataFormats&identifier=" + Oai.identifier(id))).contains("oai_dc");
        assertThat(allSets()).contains(collection);

        String dc = Oai.get("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + Oai.identifier(id));
        assertThat(dc).contains("<dc:title>Record of a Conversation between Mao Zedong and Anastas Mikoyan &lt;&amp;&gt; \"quoted\"</dc:title>")
                .contains("<dc:date>circa September 1956</dc:date>").contains("<dc:date>1956-09-01/1956-09-30</dc:date>")
                .contains("<dc:type>Record of conversation</dc:type>").contains("<dc:language>zh</dc:language>")
                .contains("<dc:subject>Anastas Mikoyan</dc:subject>").contains("<dc:coverage>Beijing</dc:coverage>")
                .contains("<dc:contributor>Gary Goldberg</dc:contributor>")
                .contains("<dc:source>Archive of Foreign Policy of the Russian Federation (AVPRF), fond 0102, opis 12, delo 6, folios 1-18</dc:source>")
                .contains("<dc:rights>https://rightsstatements.org/vocab/NoC-US/1.0/</dc:rights>")
                .contains("/api/v1/documents/" + id + "</dc:identifier>").contains("/api/v1/documents/" + related + "</dc:relation>")
                .contains("<setSpec>" + collection + "</setSpec>");

        String full = Oai.get("verb=GetRecord&metadataPrefix=archive&identifier=" + Oai.identifier(id));
        assertThat(full).contains("<ar:precision>MONTH</ar:precision>").contains("<ar:fond>0102</ar:fond>")
                .contains("<ar:body>Мао: ...</ar:body>").contains("<ar:version>1</ar:version>");

        assertThat(Oai.ids(Oai.get("verb=ListIdentifiers&metadataPrefix=oai_dc&set=" + collection))).containsExactly(id);
        assertThat(Oai.ids(Oai.get("verb=ListRecords&metadataPrefix=archive&set=" + collection))).containsExactly(id);
        given().get(Oai.PATH + "/archive-record-1.xsd").then().statusCode(200);
    }

    @Test
    void aDeletedRecordKeepsItsHeaderWithStatusDeleted() {
        String collection = Api.createCollection(Api.unique("OAI deletions"));
        String id = Api.createDocumentIn(collection, "Draft of a telegram, withdrawn");
        Oai.get("verb=ListIdentifiers&metadataPrefix=oai_dc&set=" + collection); // stamped while it exists
        given().header("Authorization", net.historyarchive.catalog.support.Tokens.archivist()).header("If-Match", "\"1\"")
                .delete(Api.DOCUMENTS + "/" + id).then().statusCode(204);

        String record = Oai.get("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + Oai.identifier(id));
        assertThat(record).contains("<header status=\"deleted\">").doesNotContain("<metadata>");
        // The set harvest learns of the deletion too: the record keeps the sets it had.
        String inSet = Oai.get("verb=ListRecords&metadataPrefix=oai_dc&set=" + collection);
        assertThat(inSet).contains("<header status=\"deleted\">").contains(Oai.identifier(id));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ' ', value = {
            "_ badVerb",
            "verb=Foo badVerb",
            "verb=Identify&verb=Identify badVerb",
            "verb=Identify&extra=1 badArgument",
            "verb=GetRecord&metadataPrefix=oai_dc badArgument",
            "verb=ListRecords badArgument",
            "verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc badArgument",
            "verb=ListRecords&metadataPrefix=oai_dc&from=yesterday badArgument",
            "verb=ListRecords&metadataPrefix=oai_dc&from=2026-02-30 badArgument",
            "verb=ListRecords&metadataPrefix=oai_dc&from=2020-01-01&until=2021-01-01T00:00:00Z badArgument",
            "verb=ListRecords&metadataPrefix=oai_dc&from=2021-01-01&until=2020-01-01 badArgument",
            "verb=ListIdentifiers&metadataPrefix=oai_dc&resumptionToken=abc badArgument",
            "verb=ListSets&set=x badArgument",
            "verb=ListRecords&resumptionToken=not-a-token badResumptionToken",
            "verb=ListIdentifiers&resumptionToken=MXxMaXN0UmVjb3Jkc3xvYWlfZGN8fDB8MXwxfDAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMHwwfDF8MA badResumptionToken",
            "verb=ListSets&resumptionToken=abc badResumptionToken",
            "verb=ListRecords&metadataPrefix=marc21 cannotDisseminateFormat",
            "verb=ListIdentifiers&metadataPrefix=a%20b cannotDisseminateFormat",
            "verb=GetRecord&metadataPrefix=marc21&identifier=oai:historyarchive.net:0190f5d2-8c1e-7b4a-9f3e-2a1b3c4d5e6f cannotDisseminateFormat",
            "verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:historyarchive.net:0190f5d2-8c1e-7b4a-9f3e-2a1b3c4d5e6f idDoesNotExist",
            "verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:elsewhere.org:123 idDoesNotExist",
            "verb=ListMetadataFormats&identifier=oai:historyarchive.net:nothing idDoesNotExist",
            "verb=ListRecords&metadataPrefix=oai_dc&from=1990-01-01&until=1990-12-31 noRecordsMatch",
            "verb=ListIdentifiers&metadataPrefix=oai_dc&set=0190f5d2-8c1e-7b4a-9f3e-2a1b3c4d5e6f noRecordsMatch",
            "verb=ListIdentifiers&metadataPrefix=oai_dc&set=no-such-set noRecordsMatch",
    })
    void everyErrorConditionHasItsCodeOverGetAndPost(String query, String code) {
        String q = query.equals("_") ? "" : query;
        assertThat(Oai.errorCode(Oai.get(q))).isEqualTo(code);
        assertThat(Oai.errorCode(Oai.post(q))).isEqualTo(code);
    }

    @Test
    void getAndPostAnswerTheSame() {
        String collection = Api.createCollection(Api.unique("OAI post"));
        Api.createDocumentIn(collection, "Letter from Kim Il Sung");
        String query = "verb=ListRecords&metadataPrefix=oai_dc&set=" + collection;
        assertThat(withoutResponseDate(Oai.post(query))).isEqualTo(withoutResponseDate(Oai.get(query)));
    }

    @Test
    void listsPageWithResumptionTokensUntilAnEmptyOne() {
        String collection = Api.createCollection(Api.unique("OAI paging"));
        Set<String> created = new HashSet<>();
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            ndjson.append("{\"title\": \"Telegram ").append(i).append("\", \"collections\": [\"").append(collection).append("\"]}\n");
        }
        List<String> importedIds = Api.asArchivist().contentType(Api.NDJSON).body(ndjson.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post(Api.IMPORT).then().statusCode(200).extract().path("ids");
        created.addAll(importedIds);

        List<String> harvested = new ArrayList<>();
        String xml = Oai.get("verb=ListIdentifiers&metadataPrefix=oai_dc&set=" + collection);
        Map<String, String> token = Oai.token(xml);
        assertThat(token).containsEntry("cursor", "0").containsEntry("completeListSize", "120").containsKey("expirationDate");
        int pages = 1;
        harvested.addAll(Oai.ids(xml));
        while (!token.get("value").isEmpty()) {
            xml = pages % 2 == 0 ? Oai.get("verb=ListIdentifiers&resumptionToken=" + token.get("value"))
                    : Oai.post("verb=ListIdentifiers&resumptionToken=" + token.get("value"));
            assertThat(Oai.token(xml)).containsEntry("cursor", Integer.toString(harvested.size()));
            harvested.addAll(Oai.ids(xml));
            token = Oai.token(xml);
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(harvested).hasSize(120).doesNotHaveDuplicates();
        assertThat(new HashSet<>(harvested)).isEqualTo(created);
        // A token of one verb is no token of another.
        String firstToken = Oai.token(Oai.get("verb=ListIdentifiers&metadataPrefix=oai_dc&set=" + collection)).get("value");
        assertThat(Oai.errorCode(Oai.get("verb=ListRecords&resumptionToken=" + firstToken))).isEqualTo("badResumptionToken");
    }

    /** Sets page like records (the test profile's page size is 50): every collection once, in id order. */
    @Test
    void listSetsPagesWithResumptionTokens() {
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            created.add(Api.createCollection(Api.unique("OAI set paging " + i)));
        }
        String xml = Oai.get("verb=ListSets");
        Map<String, String> token = Oai.token(xml);
        assertThat(token).containsEntry("cursor", "0").containsKey("completeListSize").containsKey("expirationDate");
        String completeListSize = token.get("completeListSize");
        String firstToken = token.get("value");
        List<String> harvested = allSets();
        assertThat(harvested).hasSizeGreaterThanOrEqualTo(60).doesNotHaveDuplicates().containsAll(created)
                .isSorted(); // id order: lower-case hex sorts as PostgreSQL sorts uuids
        assertThat(Integer.toString(harvested.size())).isEqualTo(completeListSize);
        // A ListSets token is no token of a record list, and the other way round.
        assertThat(Oai.errorCode(Oai.get("verb=ListIdentifiers&resumptionToken=" + firstToken))).isEqualTo("badResumptionToken");
        // A record-list token as the provider issues it (a real list may fit in one page here).
        String recordsToken = new ResumptionToken(OaiVerb.ListIdentifiers, MetadataFormat.OAI_DC, null, java.time.Instant.EPOCH,
                java.time.Instant.now(), java.time.Instant.now(), new java.util.UUID(0, 0), 0, 0, java.time.Instant.now()).encode();
        assertThat(Oai.errorCode(Oai.get("verb=ListSets&resumptionToken=" + recordsToken))).isEqualTo("badResumptionToken");
    }

    /** Every setSpec of ListSets, following its resumption tokens (each page's cursor checked). */
    private static List<String> allSets() {
        List<String> specs = new ArrayList<>();
        String xml = Oai.get("verb=ListSets");
        specs.addAll(setSpecs(xml));
        Map<String, String> token = Oai.token(xml);
        while (token != null && !token.get("value").isEmpty()) {
            xml = Oai.get("verb=ListSets&resumptionToken=" + token.get("value"));
            token = Oai.token(xml);
            assertThat(token).containsEntry("cursor", Integer.toString(specs.size()));
            specs.addAll(setSpecs(xml));
        }
        return specs;
    }

    private static List<String> setSpecs(String xml) {
        List<String> specs = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<set><setSpec>([^<]+)</setSpec>").matcher(xml);
        while (m.find()) {
            specs.add(m.group(1));
        }
        return specs;
    }

    private static String withoutResponseDate(String xml) {
        return xml.replaceAll("<responseDate>[^<]*</responseDate>", "");
    }
}
