package net.historyarchive.search.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import net.historyarchive.search.names.NameEntry;
import net.historyarchive.search.names.NameVariants;
import net.historyarchive.search.names.NameVariantsFile;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The name variants in force: the repository's list ({@code names/name-variants.txt}) followed by
 * the archivists' list, which is kept in the admin index so every replica uses the same one. A
 * replica reads the archivists' list again at most every {@link #RECHECK} after its last look, so a
 * change made through another replica reaches it within seconds.
 */
@ApplicationScoped
public class NameVariantsStore {

    /** The admin document that holds the archivists' list, as text in the file's format. */
    static final String DOCUMENT_ID = "name-variants";
    private static final java.time.Duration RECHECK = java.time.Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(NameVariantsStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The archivists' list as stored, with when it was stored. */
    public record ArchivistsList(String text, String updatedAt) {
    }

    private final AdminDocuments shared;
    private final List<NameEntry> bundled = NameVariantsFile.bundled();
    private volatile NameVariants current = new NameVariants(bundled);
    private volatile String currentText = "";
    private volatile Instant checked = Instant.EPOCH;

    public NameVariantsStore(AdminDocuments shared) {
        this.shared = shared;
    }

    /** The variants in force on this replica now. */
    public NameVariants current() {
        if (Instant.now().isAfter(checked.plus(RECHECK))) {
            checked = Instant.now();
            try {
                ArchivistsList stored = archivistsList();
                if (!stored.text().equals(currentText)) {
                    use(stored.text());
                }
            } catch (IOException | RuntimeException e) { // keep the last good list; the next look tries again
                LOG.warnf(e, "Could not read the archivists' name variants; using the list read before");
            }
        }
        return current;
    }

    /** The archivists' list (empty text when none was ever stored). */
    public ArchivistsList archivistsList() throws IOException {
        Optional<AdminDocuments.Versioned> stored = shared.get(DOCUMENT_ID);
        return stored.map(v -> new ArchivistsList(v.document().path("text").asText(""), v.document().path("updatedAt").asText(null)))
                .orElse(new ArchivistsList("", null));
    }

    /**
     * Replaces the archivists' list after checking it (the whole text, in the file's format);
     * throws {@link NameVariantsFile.Invalid} listing every bad line, and stores nothing then.
     */
    public NameVariants replaceArchivistsList(String text) throws IOException {
        NameVariantsFile.parse(text);
        ObjectNode document = JSON.createObjectNode().put("text", text).put("updatedAt", Instant.now().toString());
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<AdminDocuments.Versioned> stored = shared.get(DOCUMENT_ID);
            if (shared.compareAndSet(DOCUMENT_ID, document, stored).isPresent()) {
                use(text);
                checked = Instant.now();
                return current;
            }
        }
        throw new IOException("the name variants kept changing while being replaced; try again");
    }

    private synchronized void use(String text) {
        List<NameEntry> all = new ArrayList<>(bundled);
        all.addAll(NameVariantsFile.parse(text));
        current = new NameVariants(all);
        currentText = text;
    }
}
