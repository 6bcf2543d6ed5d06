package net.historyarchive.catalog.document.rest;

/** Example bodies shown in the OpenAPI document. */
final class DocumentExamples {

    static final String CREATE = """
            {
              "title": "Record of a Meeting between the Soviet and Chinese Delegations",
              "summary": "Mao Zedong reveals that several Korean Workers' Party members have been placed under arrest.",
              "date": {"start": "1956-09-19", "precision": "DAY"},
              "documentType": "RECORD_OF_CONVERSATION",
              "languages": ["ru"],
              "texts": [
                {"kind": "TRANSLATION", "language": "en", "body": "Mao Zedong: ...", "translators": ["Gary Goldberg"]}
              ],
              "source": {"repository": "Archive of the President of the Russian Federation", "fond": "3", "opis": "65", "delo": "779", "folios": "1-12"},
              "rights": {"statement": "Translation made available for research.", "reuse": "EDUCATIONAL_USE"},
              "subjects": ["August Plenum Incident", "Sino-North Korean relations"],
              "people": ["Mao Zedong", "Anastas Mikoyan", "Kim Il Sung"],
              "places": ["Pyongyang", "Beijing"]
            }""";

    static final String VALIDATION_PROBLEM = """
            {
              "type": "urn:historyarchive:problem:validation-failed",
              "title": "Validation failed",
              "status": 400,
              "detail": "2 fields are invalid",
              "instance": "/api/v1/documents",
              "errors": [
                {"field": "date.end", "message": "must not be before date.start"},
                {"field": "title", "message": "must not be blank"}
              ]
            }""";

    static final String IMPORT_LINES = """
            {"title": "Telegram from Ponomarev to the CPSU Central Committee", "date": {"start": "1956-09-26", "precision": "DAY"}, "documentType": "TELEGRAM"}
            {"title": "Journal of Soviet Ambassador to the DPRK A.M. Puzanov", "date": {"start": "1960-09-01", "precision": "MONTH"}, "documentType": "JOURNAL"}
            """;

    private DocumentExamples() {
    }
}
