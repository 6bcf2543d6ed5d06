package net.historyarchive.infra.bench.lucene;

import net.historyarchive.infra.bench.corpus.Vocabulary;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * English as search-service's PostgreSQL configuration analyses it: accents folded (unaccent),
 * lower case, PostgreSQL's English stop words, the Snowball English stemmer (PostgreSQL's
 * english_stem is the same algorithm). Values of a multi-valued field are 100 positions apart, so a
 * phrase cannot span two people.
 */
public final class ArchiveAnalyzer extends Analyzer {

    private static final CharArraySet STOP_WORDS = new CharArraySet(Vocabulary.STOP_WORDS, false);

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream stream = new EnglishPossessiveFilter(source);
        stream = new LowerCaseFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new StopFilter(stream, STOP_WORDS);
        stream = new SnowballFilter(stream, new EnglishStemmer());
        return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
        return 100;
    }
}
