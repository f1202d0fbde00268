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
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Snippets with the matched words in {@code <mark>}; everything else HTML-escaped. The body is stored
 * once and indexed three ways (French, English, folded): each way is highlighted from the same stored
 * text, and the first that marks something wins.
 */
final class Highlights {

    private static final String[] CONTENT = {Fields.CONTENT_FR, Fields.CONTENT_EN, Fields.CONTENT_PLAIN};
    static final int SNIPPET_CHARS = 220;

    private Highlights() {
    }

    static String[] snippets(IndexSearcher searcher, Query userQuery, int[] docs, boolean highlight) throws IOException {
        String[] out = new String[docs.length];
        if (highlight && docs.length > 0) {
            UnifiedHighlighter h = new StoredOnceHighlighter(UnifiedHighlighter.builder(searcher, QueryText.ANALYZER)
                    .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true))
                    .withMaxLength(20_000));
            int[] passages = new int[CONTENT.length];
            java.util.Arrays.fill(passages, 2);
            Map<String, String[]> byField = h.highlightFields(CONTENT, userQuery, docs, passages);
            for (int i = 0; i < docs.length; i++) {
                for (String f : CONTENT) {
                    String s = byField.get(f)[i];
                    if (s != null && s.contains("<mark>")) {
                        out[i] = s.strip();
                        break;
                    }
                }
            }
        }
        StoredFields stored = searcher.storedFields();
        for (int i = 0; i < docs.length; i++) {
            if (out[i] == null) {
                String body = stored.document(docs[i], Set.of(Fields.BODY)).get(Fields.BODY);
                out[i] = PlainText.escapeHtml(PlainText.excerpt(body == null ? "" : body, SNIPPET_CHARS));
            }
        }
        return out;
    }

    /** Reads every content_* field's text from the one stored body. */
    private static final class StoredOnceHighlighter extends UnifiedHighlighter {
        private final IndexSearcher searcher;

        StoredOnceHighlighter(Builder builder) {
            super(builder);
            this.searcher = builder.getIndexSearcher();
        }

        @Override
        protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold)
                throws IOException {
            List<CharSequence[]> values = new ArrayList<>();
            StoredFields stored = searcher.storedFields();
            for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
                Document d = stored.document(doc, Set.of(Fields.BODY, Fields.TITLE));
                CharSequence[] row = new CharSequence[fields.length];
                for (int i = 0; i < fields.length; i++) {
                    String v = fields[i].startsWith("title") ? d.get(Fields.TITLE) : d.get(Fields.BODY);
                    row[i] = v == null ? "" : v;
                }
                values.add(row);
            }
            return values;
        }
    }
}
