package io.relais.search.query;

import io.relais.search.index.Fields;
import io.relais.search.index.PlainText;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Snippets with the matched words in {@code <mark>}; everything else HTML-escaped. The body is stored
 * once and indexed three ways (French, English, folded): each way is highlighted from the same stored
 * text, and the first that marks something wins.
 * <p>
 * An item whose text comes in several languages ({@link Fields#LANGUAGES}: a card's French and English summary) is
 * indexed with them all run together, but shown in one: its reader's language ({@link ReaderLanguage#order}) when a
 * searched word is marked there, else the first of its other languages where one is (the reader typed a word of that
 * language), else the reader's language unmarked (the item was found by its title, say). Those bodies are stored
 * apart from the indexed text, so their words' offsets come from analysing them again (a page holds few such hits).
 */
final class Highlights {

    private static final String[] CONTENT = {Fields.CONTENT_FR, Fields.CONTENT_EN, Fields.CONTENT_PLAIN};
    static final int SNIPPET_CHARS = 220;

    private Highlights() {
    }

    /**
     * One snippet per doc, in the order of {@code docs}; {@code reader} is the reader's language ({@code fr},
     * {@code en}; null: English first).
     */
    static String[] snippets(IndexSearcher searcher, Query userQuery, int[] docs, boolean highlight, String reader)
            throws IOException {
        String[] out = new String[docs.length];
        StoredFields stored = searcher.storedFields();
        // each hit's languages, in the order its reader should be shown them; empty for a text in one language
        List<List<String>> languages = new ArrayList<>();
        for (int doc : docs) {
            String[] kept = stored.document(doc, Set.of(Fields.LANGUAGES)).getValues(Fields.LANGUAGES);
            languages.add(ReaderLanguage.order(reader, Arrays.asList(kept)));
        }
        if (highlight && docs.length > 0) {
            List<Integer> oneLanguage = new ArrayList<>();
            for (int i = 0; i < docs.length; i++) if (languages.get(i).isEmpty()) oneLanguage.add(i);
            if (!oneLanguage.isEmpty()) {
                mark(new StoredOnceHighlighter(builder(searcher)), userQuery, docs, oneLanguage, out);
            }
            // one round per rank in the hits' language orders: the reader's language for all first, then the others
            for (int round = 0; ; round++) {
                Map<String, List<Integer>> byLanguage = new LinkedHashMap<>();
                for (int i = 0; i < docs.length; i++) {
                    if (out[i] == null && languages.get(i).size() > round) {
                        byLanguage.computeIfAbsent(languages.get(i).get(round), l -> new ArrayList<>()).add(i);
                    }
                }
                if (byLanguage.isEmpty()) break;
                for (Map.Entry<String, List<Integer>> e : byLanguage.entrySet()) {
                    mark(new OneLanguageHighlighter(builder(searcher), e.getKey()), userQuery, docs, e.getValue(), out);
                }
            }
        }
        for (int i = 0; i < docs.length; i++) {
            if (out[i] == null) {
                String field = languages.get(i).isEmpty() ? Fields.BODY : Fields.bodyIn(languages.get(i).get(0));
                String body = stored.document(docs[i], Set.of(field)).get(field);
                out[i] = PlainText.escapeHtml(PlainText.excerpt(body == null ? "" : body, SNIPPET_CHARS));
            }
        }
        return out;
    }

    private static UnifiedHighlighter.Builder builder(IndexSearcher searcher) {
        return UnifiedHighlighter.builder(searcher, QueryText.ANALYZER)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true))
                .withMaxLength(20_000);
    }

    /** Highlights the docs at {@code which} and sets the snippet of each where a content field marks something. */
    private static void mark(UnifiedHighlighter h, Query userQuery, int[] docs, List<Integer> which, String[] out)
            throws IOException {
        int[] some = which.stream().mapToInt(i -> docs[i]).toArray();
        int[] passages = new int[CONTENT.length];
        Arrays.fill(passages, 2);
        Map<String, String[]> byField = h.highlightFields(CONTENT, userQuery, some, passages);
        for (int j = 0; j < some.length; j++) {
            for (String f : CONTENT) {
                String s = byField.get(f)[j];
                if (s != null && s.contains("<mark>")) {
                    out[which.get(j)] = s.strip();
                    break;
                }
            }
        }
    }

    /** A highlighter that reads the highlighted fields' texts from stored fields, one {@link #row} per hit. */
    private abstract static class StoredTextHighlighter extends UnifiedHighlighter {
        private final IndexSearcher searcher;

        StoredTextHighlighter(Builder builder) {
            super(builder);
            this.searcher = builder.getIndexSearcher();
        }

        /** The texts of {@code fields} (in their order, "" for none) for the hit {@code doc}. */
        abstract CharSequence[] row(StoredFields stored, int doc, String[] fields) throws IOException;

        @Override
        protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold)
                throws IOException {
            List<CharSequence[]> values = new ArrayList<>();
            StoredFields stored = searcher.storedFields();
            for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
                values.add(row(stored, doc, fields));
            }
            return values;
        }
    }

    /** Reads every content_* field's text from the one stored body. */
    private static final class StoredOnceHighlighter extends StoredTextHighlighter {

        StoredOnceHighlighter(Builder builder) {
            super(builder);
        }

        @Override
        CharSequence[] row(StoredFields stored, int doc, String[] fields) throws IOException {
            Document d = stored.document(doc, Set.of(Fields.BODY, Fields.TITLE));
            CharSequence[] row = new CharSequence[fields.length];
            for (int i = 0; i < fields.length; i++) {
                String v = fields[i].startsWith("title") ? d.get(Fields.TITLE) : d.get(Fields.BODY);
                row[i] = v == null ? "" : v;
            }
            return row;
        }
    }

    /**
     * Reads every content_* field's text from the body in one language ({@link Fields#bodyIn}), which is not what was
     * indexed (all languages run together): the offsets of its words come from analysing it again.
     */
    private static final class OneLanguageHighlighter extends StoredTextHighlighter {
        private final String body;

        OneLanguageHighlighter(Builder builder, String language) {
            super(builder);
            this.body = Fields.bodyIn(language);
        }

        @Override
        protected OffsetSource getOffsetSource(String field) {
            return OffsetSource.ANALYSIS;
        }

        @Override
        CharSequence[] row(StoredFields stored, int doc, String[] fields) throws IOException {
            String v = stored.document(doc, Set.of(body)).get(body);
            CharSequence[] row = new CharSequence[fields.length];
            Arrays.fill(row, v == null ? "" : v);
            return row;
        }
    }
}
