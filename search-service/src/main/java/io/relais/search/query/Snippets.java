package io.relais.search.query;

import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

import java.io.IOException;

/** Highlighted snippets for other features (people search) than the main search. */
public final class Snippets {

    private Snippets() {
    }

    public static String[] of(IndexSearcher searcher, Query query, int[] docs) throws IOException {
        return Highlights.snippets(searcher, query, docs, true, null);
    }
}
