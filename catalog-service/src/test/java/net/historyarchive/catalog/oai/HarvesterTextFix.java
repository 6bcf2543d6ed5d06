package net.historyarchive.catalog.oai;

import io.gdcc.xoai.xmlio.XmlReader;

import javax.xml.stream.XMLInputFactory;
import java.lang.reflect.Field;

/**
 * Makes the xoai harvester read each text node whole. Its XmlReader takes the first text event of
 * an element as the element's text, and its Woodstox factory does not coalesce: when a datestamp
 * happens to cross the parser's buffer boundary, the harvester reads "2026-12-03T02:32:30" without
 * its "Z" and fails (seen in CI; our response carried the whole datestamp). The factory is xoai's
 * private per-thread one, so it is reached by reflection and set to coalesce on the calling thread.
 */
final class HarvesterTextFix {

    private HarvesterTextFix() {
    }

    /** On the calling thread (the one that iterates the harvest); idempotent. */
    static void coalesceTextOnThisThread() {
        try {
            Field field = XmlReader.class.getDeclaredField("XML_INPUT_FACTORY");
            field.setAccessible(true);
            @SuppressWarnings("unchecked")
            ThreadLocal<XMLInputFactory> factory = (ThreadLocal<XMLInputFactory>) field.get(null);
            factory.get().setProperty(XMLInputFactory.IS_COALESCING, true);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("xoai's XmlReader changed: check whether it still splits text nodes", e);
        }
    }
}
