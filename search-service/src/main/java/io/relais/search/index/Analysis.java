package io.relais.search.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.util.ElisionFilter;

import java.util.HashMap;
import java.util.Map;

/**
 * Text analysis: French (elision "l'équipe" → "equipe", light stemming), English (possessive, Porter
 * stemming) and a folded-only chain for prefixes and names. Every chain folds accents, so "equipe"
 * finds "équipe" and the other way round.
 */
public final class Analysis {

    private Analysis() {
    }

    public static final class French extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream t = new ElisionFilter(source, FrenchAnalyzer.DEFAULT_ARTICLES);
            t = new LowerCaseFilter(t);
            t = new StopFilter(t, FrenchAnalyzer.getDefaultStopSet());
            t = new ASCIIFoldingFilter(t);
            t = new FrenchLightStemFilter(t);
            return new TokenStreamComponents(source, t);
        }

        @Override
        protected TokenStream normalize(String field, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(new ElisionFilter(in, FrenchAnalyzer.DEFAULT_ARTICLES)));
        }
    }

    public static final class English extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream t = new EnglishPossessiveFilter(source);
            t = new LowerCaseFilter(t);
            t = new StopFilter(t, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
            t = new ASCIIFoldingFilter(t);
            t = new PorterStemFilter(t);
            return new TokenStreamComponents(source, t);
        }

        @Override
        protected TokenStream normalize(String field, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    }

    /** No stemming and no stop words: exact words, prefixes ("équi*") and names. */
    public static final class Folded extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream t = new ElisionFilter(source, FrenchAnalyzer.DEFAULT_ARTICLES);
            t = new LowerCaseFilter(t);
            t = new ASCIIFoldingFilter(t);
            return new TokenStreamComponents(source, t);
        }

        @Override
        protected TokenStream normalize(String field, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    }

    /** The analyzer for every field, used both to index and to parse queries. */
    public static Analyzer perField() {
        Analyzer french = new French();
        Analyzer english = new English();
        Analyzer folded = new Folded();
        Map<String, Analyzer> m = new HashMap<>();
        m.put(Fields.TITLE_FR, french);
        m.put(Fields.CONTENT_FR, french);
        m.put(Fields.TITLE_EN, english);
        m.put(Fields.CONTENT_EN, english);
        m.put(Fields.TITLE_PLAIN, folded);
        m.put(Fields.CONTENT_PLAIN, folded);
        m.put(Fields.SUGGEST, folded);
        m.put(Fields.SKILLS_TEXT, folded);
        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), m);
    }
}
