package net.historyarchive.search.readingroom;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The reading room's pages (templates/readingroom/*.html); Qute escapes every value for HTML. */
@CheckedTemplate(basePath = "readingroom")
final class ReadingRoomTemplates {

    private ReadingRoomTemplates() {
    }

    static native TemplateInstance search(SearchPage page);

    static native TemplateInstance document(DocumentPage page);

    static native TemplateInstance notFound(String message);
}
