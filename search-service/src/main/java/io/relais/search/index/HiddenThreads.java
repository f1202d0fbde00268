package io.relais.search.index;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Matches the comments of every post or card that moderation hides now (issue 15). The log announces a hide of the
 * post or card only, not of each comment, so the index keeps the comments and one marker per hidden post or card
 * ({@link Fields#KIND_HIDDEN_THREAD}); this query reads the markers of the searcher it runs on when rewritten and
 * becomes "context is one of these posts". Used as a {@code MUST_NOT} clause: a restore deletes the marker and the
 * comments are found again, with no re-indexing. The markers are few (hidden posts and cards), so the extra read is
 * small.
 */
public final class HiddenThreads extends Query {

    /** Beyond this many hidden posts at once the filter still works, only with a larger term set. */
    private static final int PAGE = 1_000;

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        List<BytesRef> roots = new ArrayList<>();
        TermQuery markers = new TermQuery(new Term(Fields.KIND, Fields.KIND_HIDDEN_THREAD));
        ScoreDoc last = null;
        while (true) {
            ScoreDoc[] page = (last == null ? searcher.search(markers, PAGE) : searcher.searchAfter(last, markers, PAGE)).scoreDocs;
            var stored = searcher.storedFields();
            for (ScoreDoc sd : page) roots.add(new BytesRef(stored.document(sd.doc, Set.of(Fields.CONTEXT)).get(Fields.CONTEXT)));
            if (page.length < PAGE) break;
            last = page[page.length - 1];
        }
        return roots.isEmpty() ? new MatchNoDocsQuery("no hidden thread") : new TermInSetQuery(Fields.CONTEXT, roots);
    }

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    @Override
    public String toString(String field) {
        return "HiddenThreads";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other);
    }

    @Override
    public int hashCode() {
        return classHash();
    }
}
