package net.historyarchive.infra.bench.lucene;

import net.historyarchive.infra.bench.search.CatalogRows;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Builds the Lucene reference index from the same documents search-service holds: every row of
 * the catalog's documents ({@link CatalogRows}, the source search-service's view is fed from, so
 * dates are widened and filters mean what they mean there). Fields: title, names (people, places, subjects), summary and body as analysed text
 * (searched with per-field boosts), filter fields as exact terms and points, and type, person and
 * place as sorted-set doc-values facets.
 */
public final class LuceneIndex {

    public static final String TITLE = "title";
    public static final String NAMES = "names";
    public static final String SUMMARY = "summary";
    public static final String BODY = "body";
    public static final String ID = "id";
    public static final String DATE_START = "date_start";
    public static final String DATE_END = "date_end";
    public static final String DATE_ASC = "date_asc";
    public static final String DATE_DESC = "date_desc";
    public static final String DATE_DISPLAY = "date_display";
    public static final String TYPE = "type";
    public static final String PERSON = "person";
    public static final String PLACE = "place";
    public static final String LANGUAGE = "language";
    public static final String SUBJECT = "subject";
    public static final String TRANSLATED = "translated";

    private static final Document END = new Document();

    private LuceneIndex() {
    }

    public static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        config.setMultiValued(PERSON, true);
        config.setMultiValued(PLACE, true);
        return config;
    }

    /** Documents in an index at {@code dir}, or -1 when there is none. */
    public static long documents(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return -1;
        }
        try (FSDirectory d = FSDirectory.open(dir)) {
            if (!DirectoryReader.indexExists(d)) {
                return -1;
            }
            try (DirectoryReader reader = DirectoryReader.open(d)) {
                return reader.numDocs();
            }
        }
    }

    /**
     * (Re)builds the index at {@code dir} from the catalog's database: one thread reads rows,
     * {@code threads} threads analyse and add them.
     *
     * @return the number of documents indexed
     */
    public static long build(String catalogJdbcUrl, Path dir, int threads) throws Exception {
        Files.createDirectories(dir);
        FacetsConfig facets = facetsConfig();
        IndexWriterConfig config = new IndexWriterConfig(new ArchiveAnalyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE).setRAMBufferSizeMB(256);
        BlockingQueue<Document> queue = new ArrayBlockingQueue<>(4096);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long count = 0;
        try (FSDirectory directory = FSDirectory.open(dir); IndexWriter writer = new IndexWriter(directory, config)) {
            List<Thread> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Thread t = new Thread(() -> {
                    try {
                        for (Document doc = queue.take(); doc != END; doc = queue.take()) {
                            writer.addDocument(facets.build(doc));
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }, "lucene-indexer-" + i);
                t.start();
                workers.add(t);
            }
            try (Connection c = DriverManager.getConnection(catalogJdbcUrl, "postgres", "postgres")) {
                c.setAutoCommit(false); // so that the driver streams rows (fetch size) instead of reading them all
                try (PreparedStatement ps = c.prepareStatement(CatalogRows.SELECT)) {
                    ps.setFetchSize(2000);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            if (failure.get() != null) {
                                break;
                            }
                            queue.put(document(rs));
                            count++;
                        }
                    }
                }
            } finally {
                for (int i = 0; i < threads; i++) {
                    queue.put(END);
                }
                for (Thread t : workers) {
                    t.join();
                }
            }
            if (failure.get() != null) {
                throw new IllegalStateException("indexing failed", failure.get());
            }
            writer.forceMerge(1); // one segment: the best case for the reference engine's queries
            writer.commit();
        }
        return count;
    }

    private static Document document(ResultSet rs) throws Exception {
        Document doc = new Document();
        doc.add(new StringField(ID, rs.getString(1), Field.Store.YES));
        String title = rs.getString(2);
        if (title != null) {
            doc.add(new TextField(TITLE, title, Field.Store.YES));
        }
        String summary = rs.getString(3);
        if (summary != null) {
            doc.add(new TextField(SUMMARY, summary, Field.Store.YES));
        }
        String display = rs.getString(4);
        if (display != null) {
            doc.add(new StoredField(DATE_DISPLAY, display));
        }
        LocalDate start = rs.getObject(5, LocalDate.class);
        LocalDate end = rs.getObject(6, LocalDate.class);
        if (start != null) {
            doc.add(new IntPoint(DATE_START, (int) start.toEpochDay()));
            doc.add(new IntPoint(DATE_END, (int) end.toEpochDay()));
        }
        doc.add(new NumericDocValuesField(DATE_ASC, rs.getInt(7)));
        doc.add(new NumericDocValuesField(DATE_DESC, rs.getInt(8)));
        String type = rs.getString(9);
        if (type != null) {
            doc.add(new StringField(TYPE, type, Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField(TYPE, type));
        }
        for (String language : strings(rs.getArray(10))) {
            doc.add(new StringField(LANGUAGE, language, Field.Store.NO));
        }
        for (String subject : strings(rs.getArray(11))) {
            doc.add(new StringField(SUBJECT, subject, Field.Store.NO));
            doc.add(new TextField(NAMES, subject, Field.Store.NO));
        }
        for (String person : strings(rs.getArray(12))) {
            doc.add(new StringField(PERSON, person, Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField(PERSON, person));
            doc.add(new TextField(NAMES, person, Field.Store.NO));
        }
        for (String place : strings(rs.getArray(13))) {
            doc.add(new StringField(PLACE, place, Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField(PLACE, place));
            doc.add(new TextField(NAMES, place, Field.Store.NO));
        }
        doc.add(new StringField(TRANSLATED, Boolean.toString(rs.getBoolean(14)), Field.Store.NO));
        String body = rs.getString(15);
        if (body != null && !body.isEmpty()) {
            doc.add(new TextField(BODY, body, Field.Store.NO));
        }
        return doc;
    }

    private static List<String> strings(Array array) throws Exception {
        if (array == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Object o : (Object[]) array.getArray()) {
            if (o != null && !o.toString().isEmpty()) {
                out.add(o.toString());
            }
        }
        return out;
    }
}
