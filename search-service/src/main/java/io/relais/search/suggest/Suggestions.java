package io.relais.search.suggest;

import io.relais.events.Iri;
import io.relais.events.Viewer;
import io.relais.search.index.Analysis;
import io.relais.search.index.Fields;
import io.relais.search.index.IndexGeneration;
import io.relais.search.index.ItemType;
import io.relais.search.index.SearchIndex;
import io.relais.search.query.SearchService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Prefix completions for people, communities and hashtags. They run through the same permission
 * filter as search: a secret community's name, or a hashtag used only inside it, is never suggested
 * to someone outside it. People and communities whose login, slug or name begins with the first typed word come
 * first: "@ali" is meant for Alice, not for someone whose name merely contains a word starting with "ali".
 */
@ApplicationScoped
public class Suggestions {

    private static final Analyzer FOLDED = new Analysis.Folded();

    /**
     * How many matching names are ranked before the answer is cut to its limit: a prefix query scores every match
     * alike, so the best ones may lie past the first {@code limit} in index order.
     */
    static final int CANDIDATES = 50;

    @Inject
    SearchIndex index;

    public List<Suggestion> suggest(String q, Set<ItemType> kinds, boolean hashtags, int limit, Viewer viewer) {
        List<String> words = words(q);
        if (words.isEmpty()) return List.of();
        IndexGeneration g = index.current();
        return g.read(searcher -> {
            List<Suggestion> out = new ArrayList<>();
            if (!kinds.isEmpty()) out.addAll(names(searcher, words, kinds, limit, viewer));
            if (hashtags) out.addAll(hashtags(g, searcher, q, limit, viewer));
            return out;
        });
    }

    private static List<Suggestion> names(IndexSearcher searcher, List<String> words, Set<ItemType> kinds, int limit,
                                          Viewer viewer) throws IOException {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        // every typed word must start a word of the name: "ali mar" finds "Alice Martin"
        for (String w : words) b.add(new PrefixQuery(new Term(Fields.SUGGEST, w)), BooleanClause.Occur.MUST);
        SearchService.itemsVisibleTo(b, viewer);
        BooleanQuery.Builder types = new BooleanQuery.Builder();
        for (ItemType t : kinds) types.add(new TermQuery(new Term(Fields.TYPE, t.key())), BooleanClause.Occur.SHOULD);
        b.add(types.build(), BooleanClause.Occur.FILTER);
        b.add(new TermQuery(new Term(Fields.STATUS, "left")), BooleanClause.Occur.MUST_NOT);
        b.add(new TermQuery(new Term(Fields.ARCHIVED, "true")), BooleanClause.Occur.MUST_NOT);
        List<Suggestion> starting = new ArrayList<>();
        List<Suggestion> others = new ArrayList<>();
        for (ScoreDoc sd : searcher.search(b.build(), Math.max(limit, CANDIDATES)).scoreDocs) {
            Document d = searcher.storedFields().document(sd.doc);
            String type = d.get(Fields.TYPE);
            String detail = ItemType.PERSON.key().equals(type) ? d.get(Fields.JOB_TITLE) : d.get(Fields.VISIBILITY);
            Suggestion s = new Suggestion(type, d.get(Fields.ID), d.get(Fields.TITLE), detail, null);
            (begins(s, words.get(0)) ? starting : others).add(s);
        }
        starting.addAll(others);
        return starting.size() > limit ? starting.subList(0, limit) : starting;
    }

    /** Whether the login or slug (the IRI's local part) or the name's first word begins with the typed word (folded). */
    private static boolean begins(Suggestion s, String typed) {
        String local = s.id() == null ? "" : Iri.localId(s.id()).toLowerCase(Locale.ROOT);
        if (local.startsWith(typed)) return true;
        List<String> name = words(s.label());
        return !name.isEmpty() && name.get(0).startsWith(typed);
    }

    private static List<Suggestion> hashtags(IndexGeneration g, IndexSearcher searcher, String q, int limit, Viewer viewer)
            throws IOException {
        String prefix = q.trim().replaceFirst("^#", "").toLowerCase(Locale.ROOT);
        if (prefix.isEmpty() || prefix.contains(" ")) return List.of();
        BooleanQuery.Builder b = new BooleanQuery.Builder()
                .add(new PrefixQuery(new Term(Fields.HASHTAG, prefix)), BooleanClause.Occur.MUST);
        SearchService.itemsVisibleTo(b, viewer);
        var result = FacetsCollectorManager.search(searcher, b.build(), 1, new FacetsCollectorManager());
        SortedSetDocValuesReaderState state = g.facetState(searcher.getIndexReader());
        if (state == null) return List.of();
        FacetResult tags;
        try {
            // an item carries other tags too: count them all, keep those with the prefix
            tags = new SortedSetDocValuesFacetCounts(state, result.facetsCollector()).getTopChildren(1000, Fields.FACET_HASHTAG);
        } catch (IllegalArgumentException noHashtagsYet) {
            return List.of();
        }
        List<Suggestion> out = new ArrayList<>();
        if (tags == null) return out;
        for (LabelAndValue lv : tags.labelValues) {
            if (lv.label.startsWith(prefix) && out.size() < limit) {
                out.add(new Suggestion("hashtag", Iri.hashtag(lv.label), "#" + lv.label, lv.value + " uses", lv.value.intValue()));
            }
        }
        return out;
    }

    static List<String> words(String q) {
        if (q == null || q.isBlank()) return List.of();
        List<String> out = new ArrayList<>();
        try (TokenStream ts = FOLDED.tokenStream(Fields.SUGGEST, q.replace("#", " ").replace("@", " "))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken() && out.size() < 8) out.add(term.toString());
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
