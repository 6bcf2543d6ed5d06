package net.historyarchive.infra.bench.lucene;

import net.historyarchive.infra.bench.search.BenchQuery;
import net.historyarchive.infra.bench.search.BenchQuery.And;
import net.historyarchive.infra.bench.search.BenchQuery.Node;
import net.historyarchive.infra.bench.search.BenchQuery.Not;
import net.historyarchive.infra.bench.search.BenchQuery.Or;
import net.historyarchive.infra.bench.search.BenchQuery.Phrase;
import net.historyarchive.infra.bench.search.BenchQuery.Prefix;
import net.historyarchive.infra.bench.search.BenchQuery.Word;
import net.historyarchive.infra.bench.search.SearchEngine;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.FSDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Apache Lucene in-process as the reference for what an inverted index does with the same
 * queries: BM25 over title, names, summary and body with per-field boosts in the same ratios as
 * search-service's ts_rank weights (1.0 : 0.4 : 0.2 : 0.05), exact total hits, the top 10 with
 * their stored title and summary, and (facet variant) the type, person and place facets over all matches. One
 * thread per query (no intra-query concurrency), like the other engines.
 */
public final class LuceneEngine implements SearchEngine {

    /** Field boosts: title A=1.0, names B=0.4, summary C=0.2, body D=0.05, scaled. */
    static final Map<String, Float> BOOSTS = Map.of(LuceneIndex.TITLE, 20f, LuceneIndex.NAMES, 8f,
            LuceneIndex.SUMMARY, 4f, LuceneIndex.BODY, 1f);
    private static final String[] FIELDS = {LuceneIndex.TITLE, LuceneIndex.NAMES, LuceneIndex.SUMMARY, LuceneIndex.BODY};

    private final FSDirectory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final SortedSetDocValuesReaderState facetState;
    private final Analyzer analyzer = new ArchiveAnalyzer();
    private final Map<String, ScoreDoc> cursors = new ConcurrentHashMap<>();

    public LuceneEngine(Path indexDir) throws IOException {
        directory = FSDirectory.open(indexDir);
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader);
        facetState = new DefaultSortedSetDocValuesReaderState(reader, LuceneIndex.facetsConfig());
    }

    @Override
    public String name() {
        return "Lucene 9.12 (in-process)";
    }

    public long documents() {
        return reader.numDocs();
    }

    /** Walks searchAfter pages to each cursor query's depth. */
    @Override
    public void prepare(List<BenchQuery> queries) throws IOException {
        for (BenchQuery q : queries) {
            if (q.cursorDepth() > 0) {
                Query query = query(q);
                Sort sort = sort(q);
                ScoreDoc after = null;
                int reached = 0;
                while (reached < q.cursorDepth()) {
                    int n = Math.min(100, q.cursorDepth() - reached);
                    TopDocs page = sort == null ? searcher.searchAfter(after, query, n) : searcher.searchAfter(after, query, n, sort);
                    if (page.scoreDocs.length < n) {
                        break; // fewer matches than the depth: measure the last page, as for search-service
                    }
                    reached += page.scoreDocs.length;
                    after = page.scoreDocs[page.scoreDocs.length - 1];
                }
                if (after != null) {
                    cursors.put(q.id(), after);
                }
            }
        }
    }

    @Override
    public Client client() {
        return this::run;
    }

    private Outcome run(BenchQuery q) throws IOException {
        Query query = query(q);
        Sort sort = sort(q);
        ScoreDoc after = q.cursorDepth() > 0 ? cursors.get(q.id()) : null;
        int from = q.cursorDepth() > 0 ? 0 : q.offset();
        int n = from + BenchQuery.SIZE;
        TopDocs top;
        int facetValues = 0;
        if (q.facets()) {
            FacetsCollectorManager.FacetsResult result = sort == null
                    ? FacetsCollectorManager.searchAfter(searcher, after, query, n, new FacetsCollectorManager())
                    : FacetsCollectorManager.searchAfter(searcher, after, query, n, sort, new FacetsCollectorManager());
            top = result.topDocs();
            SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(facetState, result.facetsCollector());
            for (String dim : List.of(LuceneIndex.TYPE, LuceneIndex.PERSON, LuceneIndex.PLACE)) {
                FacetResult facet = counts.getTopChildren(BenchQuery.FACET_SIZE, dim);
                facetValues += facet == null ? 0 : facet.labelValues.length;
            }
        } else {
            // exact totals, as with facets: every match is counted (no early termination)
            top = sort == null ? searcher.search(query, new TopScoreDocCollectorManager(n, after, Integer.MAX_VALUE))
                    : searcher.search(query, new TopFieldCollectorManager(sort, n, (FieldDoc) after, Integer.MAX_VALUE));
        }
        StoredFields stored = searcher.storedFields();
        int hits = 0;
        for (int i = from; i < top.scoreDocs.length; i++) {
            stored.document(top.scoreDocs[i].doc); // the page's id, title, summary and date, as a result page shows them
            hits++;
        }
        return new Outcome(top.totalHits.value, top.totalHits.relation == TotalHits.Relation.EQUAL_TO, hits, facetValues);
    }

    private static Sort sort(BenchQuery q) {
        return switch (q.sort()) {
            case RELEVANCE -> null;
            case DATE_ASC -> new Sort(new SortField(LuceneIndex.DATE_ASC, SortField.Type.INT));
            case DATE_DESC -> new Sort(new SortField(LuceneIndex.DATE_DESC, SortField.Type.INT));
        };
    }

    Query query(BenchQuery q) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(q.text().map(this::text).orElseGet(MatchAllDocsQuery::new), q.text().isPresent() ? Occur.MUST : Occur.FILTER);
        BenchQuery.Filters f = q.filters();
        anyOf(b, LuceneIndex.TYPE, f.types());
        anyOf(b, LuceneIndex.PERSON, f.people());
        anyOf(b, LuceneIndex.PLACE, f.places());
        anyOf(b, LuceneIndex.LANGUAGE, f.languages());
        anyOf(b, LuceneIndex.SUBJECT, f.subjects());
        if (f.dateFrom() != null) {
            int from = (int) LocalDate.of(Integer.parseInt(f.dateFrom()), 1, 1).toEpochDay();
            b.add(IntPoint.newRangeQuery(LuceneIndex.DATE_END, from, Integer.MAX_VALUE), Occur.FILTER);
        }
        if (f.dateTo() != null) {
            int to = (int) LocalDate.of(Integer.parseInt(f.dateTo()), 12, 31).toEpochDay();
            b.add(IntPoint.newRangeQuery(LuceneIndex.DATE_START, Integer.MIN_VALUE, to), Occur.FILTER);
        }
        if (f.hasTranslation() != null) {
            b.add(new TermQuery(new Term(LuceneIndex.TRANSLATED, f.hasTranslation().toString())), Occur.FILTER);
        }
        return b.build();
    }

    private static void anyOf(BooleanQuery.Builder b, String field, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        values.forEach(v -> any.add(new TermQuery(new Term(field, v)), Occur.SHOULD));
        b.add(any.build(), Occur.FILTER);
    }

    /** The free-text tree as a Lucene query; a word or phrase is searched in every text field with its boost. */
    Query text(Node node) {
        if (node instanceof Word w) {
            List<String> tokens = analyze(w.text()).stream().map(Token::term).toList();
            if (tokens.isEmpty()) {
                return new MatchNoDocsQuery("only stop words");
            }
            BooleanQuery.Builder all = new BooleanQuery.Builder();
            for (String token : tokens) { // "Gwang-jae" is two tokens, both required (as plainto_tsquery does)
                BooleanQuery.Builder fields = new BooleanQuery.Builder();
                for (String field : FIELDS) {
                    fields.add(new BoostQuery(new TermQuery(new Term(field, token)), BOOSTS.get(field)), Occur.SHOULD);
                }
                all.add(fields.build(), Occur.MUST);
            }
            return tokens.size() == 1 ? all.build().clauses().get(0).getQuery() : all.build();
        }
        if (node instanceof Phrase p) {
            List<Token> tokens = analyze(p.text());
            BooleanQuery.Builder fields = new BooleanQuery.Builder();
            for (String field : FIELDS) {
                PhraseQuery.Builder phrase = new PhraseQuery.Builder();
                tokens.forEach(t -> phrase.add(new Term(field, t.term()), t.position()));
                fields.add(new BoostQuery(phrase.build(), BOOSTS.get(field)), Occur.SHOULD);
            }
            return fields.build();
        }
        if (node instanceof Prefix p) {
            BooleanQuery.Builder fields = new BooleanQuery.Builder();
            for (String field : FIELDS) {
                fields.add(new BoostQuery(new PrefixQuery(new Term(field, p.prefix())), BOOSTS.get(field)), Occur.SHOULD);
            }
            return fields.build();
        }
        if (node instanceof Or o) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            o.operands().forEach(n -> any.add(text(n), Occur.SHOULD));
            return any.build();
        }
        if (node instanceof Not n) {
            BooleanQuery.Builder not = new BooleanQuery.Builder();
            not.add(new MatchAllDocsQuery(), Occur.FILTER);
            not.add(text(n.operand()), Occur.MUST_NOT);
            return not.build();
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (Node operand : ((And) node).operands()) {
            if (operand instanceof Not n) {
                all.add(text(n.operand()), Occur.MUST_NOT);
            } else {
                all.add(text(operand), Occur.MUST);
            }
        }
        return all.build();
    }

    record Token(String term, int position) {
    }

    private List<Token> analyze(String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(LuceneIndex.TITLE, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int position = -1;
            while (ts.incrementToken()) {
                position += increment.getPositionIncrement();
                tokens.add(new Token(term.toString(), position));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }
}
