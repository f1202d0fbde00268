package io.relais.search.index;

import io.relais.events.TextHygiene;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexableField;

import java.util.Arrays;
import java.util.Set;

/**
 * The shared input-hygiene rule applied to every text a document carries before it is written to the
 * index ({@link IndexGeneration#upsert} calls it for every document, live, replayed or rebuilt): NFC,
 * and no NUL, control, bidi-override or zero-width characters ({@link TextHygiene}). So a community
 * created with a U+0000 in its name is indexed, titled and suggested without it, whichever producer
 * let it through, and queries (NFC-normalised by {@code QueryParams}) compare with the same form.
 */
final class IndexedText {

    /**
     * Multi-line fields (these, and the bodies in one language, {@link Fields#isBody}) keep their line breaks and tabs
     * ({@link TextHygiene#text}); every other field is one line. The indexed titles are multi-line: a card's titles in
     * French and English are indexed one per line, and removing the line break glued the last word of one to the first
     * of the next ("… ACME" + "Contract signed…" was the word {@code acmecontract}), so neither was found.
     */
    private static final Set<String> MULTI_LINE = Set.of(Fields.BODY, Fields.CONTENT_FR, Fields.CONTENT_EN,
            Fields.CONTENT_PLAIN, Fields.TITLE_FR, Fields.TITLE_EN, Fields.TITLE_PLAIN);

    private IndexedText() {
    }

    /**
     * The document with every string value and facet label cleaned; numbers and bytes are left alone.
     * Fields are cleaned in place; a facet label (immutable) is replaced by an equal field with the clean label.
     */
    static Document clean(Document doc) {
        Document out = new Document();
        for (IndexableField f : doc.getFields()) {
            if (f instanceof SortedSetDocValuesFacetField facet) {
                String[] path = Arrays.stream(facet.path).map(TextHygiene::line).toArray(String[]::new);
                out.add(Arrays.equals(path, facet.path) ? facet : new SortedSetDocValuesFacetField(facet.dim, path));
                continue;
            }
            if (f instanceof Field field && field.numericValue() == null && field.readerValue() == null
                    && field.tokenStreamValue() == null && field.stringValue() != null) {
                String value = field.stringValue();
                String clean = MULTI_LINE.contains(field.name()) || Fields.isBody(field.name())
                        ? TextHygiene.text(value) : TextHygiene.line(value);
                if (!clean.equals(value)) field.setStringValue(clean);
            }
            out.add(f);
        }
        return out;
    }
}
