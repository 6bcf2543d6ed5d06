package net.historyarchive.catalog.document.importing;

import net.historyarchive.catalog.common.problem.ProblemType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The problem+json answer to an ATOMIC import with invalid lines: nothing was written. */
@Schema(name = "ImportRejected", description = "RFC 9457 problem for an atomic import with invalid lines; nothing was written.")
public record ImportRejected(String type, String title, int status, String detail, String instance,
                             int lines, int failed, List<ImportReport.LineError> errors, boolean errorsTruncated) {

    public static ImportRejected of(ImportReport report, String instance) {
        ProblemType type = ProblemType.IMPORT_REJECTED;
        return new ImportRejected(type.uri(), type.title(), type.status(),
                report.failed() + " of " + report.lines() + " lines are invalid; nothing was imported "
                        + "(use mode=PER_LINE to import the valid lines)",
                instance, report.lines(), report.failed(), report.errors(), report.errorsTruncated());
    }
}
