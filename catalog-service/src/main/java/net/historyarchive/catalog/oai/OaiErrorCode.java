package net.historyarchive.catalog.oai;

/** The error codes of OAI-PMH 2.0, section 3.6. They are answered with HTTP 200, as the protocol says. */
enum OaiErrorCode {
    badArgument, badResumptionToken, badVerb, cannotDisseminateFormat, idDoesNotExist, noRecordsMatch,
    noMetadataFormats, noSetHierarchy
}
