package io.relais.search.query;

import io.relais.events.Viewer;
import io.relais.kit.error.ProblemException;
import io.relais.search.index.Fields;
import io.relais.search.index.HiddenThreads;
import io.relais.search.index.IndexGeneration;
import io.relais.search.index.ItemType;
import io.relais.search.index.SearchConfig;
import io.relais.search.index.SearchIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.range.LongRange;
import org.apache.lucene.facet.range.LongRangeFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Full-text search over everything the caller may see. Permission trimming is a filter clause of the
 * one Lucene query, so totals, facet counts and pages are all computed over visible items only; a writer is judged by
 * her item's audience like anyone ({@link Viewers#visibleTo}). An item visible through one of its addresses may still
 * name a community the caller may not see (one addressed to the organisation and a secret community, say): hits, the
 * community facet and the labels name only communities the caller may see now ({@link #communitiesVisibleTo}).
 */
@ApplicationScoped
public class SearchService {

    static final int FACET_VALUES = 20;
    private static final long DAY = 86_400_000L;

    @Inject
    SearchIndex index;

    @Inject
    SearchConfig config;

    /**
     * One page of results for this viewer; {@code language} is the reader's ({@link ReaderLanguage#of}), in which an
     * item whose text comes in several languages is shown.
     */
    public SearchPage search(SearchRequest r, Viewer viewer, String language) {
        Query userQuery = QueryText.parse(r.q(), config.maxQueryChars());
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(userQuery, BooleanClause.Occur.MUST);
        itemsVisibleTo(b, viewer);
        if (!r.types().isEmpty()) b.add(anyOf(Fields.TYPE, r.types().stream().map(ItemType::key).toList()), BooleanClause.Occur.FILTER);
        if (!r.communities().isEmpty()) b.add(anyOf(Fields.COMMUNITY, r.communities()), BooleanClause.Occur.FILTER);
        if (!r.authors().isEmpty()) b.add(anyOf(Fields.AUTHOR, r.authors()), BooleanClause.Occur.FILTER);
        if (!r.sources().isEmpty()) b.add(anyOf(Fields.SOURCE, r.sources()), BooleanClause.Occur.FILTER);
        if (r.from() != null || r.to() != null) {
            long from = r.from() == null ? Long.MIN_VALUE : r.from().toEpochMilli();
            long to = r.to() == null ? Long.MAX_VALUE : r.to().toEpochMilli();
            b.add(LongPoint.newRangeQuery(Fields.PUBLISHED, from, to), BooleanClause.Occur.FILTER);
        }
        Query query = b.build();
        Cursor cursor = r.cursor() == null ? null : Cursor.parse(r.cursor(), r.sort());
        IndexGeneration g = index.current();
        // a cursor from before a rebuild names a generation that is gone: read the newest snapshot then
        Long snapshot = cursor != null && cursor.generation().equals(g.name()) ? cursor.snapshot() : null;
        return g.readSnapshot(snapshot, (ranking, now, token) -> run(g, ranking, now, token, query, userQuery, r, cursor, viewer, language));
    }

    /**
     * Adds the filters every user-facing search has: searchable items only, visible to this viewer, and not in the
     * thread of a post moderation hides ({@link HiddenThreads}).
     */
    public static void itemsVisibleTo(BooleanQuery.Builder b, Viewer viewer) {
        b.add(new TermQuery(new Term(Fields.KIND, Fields.KIND_ITEM)), BooleanClause.Occur.FILTER);
        b.add(readableBy(viewer), BooleanClause.Occur.FILTER);
    }

    /**
     * What this viewer may read, of any kind of document: the permission filter ({@link Viewers#visibleTo}) less the
     * threads moderation hides now ({@link HiddenThreads}). The insights ask it too, for what they name.
     */
    public static Query readableBy(Viewer viewer) {
        return new BooleanQuery.Builder().add(Viewers.visibleTo(viewer), BooleanClause.Occur.FILTER)
                .add(new HiddenThreads(), BooleanClause.Occur.MUST_NOT).build();
    }

    static Query anyOf(String field, Collection<String> values) {
        return new TermInSetQuery(field, values.stream().map(BytesRef::new).toList());
    }

    /**
     * One page. The hits come in the order of {@code ranking} (the snapshot the first page was read from, so pages
     * neither repeat nor skip), but only those the newest index still shows this viewer, as it shows them now: a later
     * page read from an older snapshot never shows what was hidden, removed, edited away or made unreadable since, and
     * its total and facet counts are the newest index's (a page may then be shorter than the limit).
     */
    private SearchPage run(IndexGeneration g, IndexSearcher ranking, IndexSearcher now, long snapshot, Query query,
                           Query userQuery, SearchRequest r, Cursor cursor, Viewer viewer, String language) throws IOException {
        int offset = cursor == null ? 0 : cursor.offset();
        FacetsCollectorManager.FacetsResult result;
        int from;
        try {
            if (r.sort() == SortOrder.RELEVANCE) {
                if (offset + r.limit() > Cursor.MAX_DEPTH) {
                    throw ProblemException.invalid("cursor", "goes deeper than " + Cursor.MAX_DEPTH
                            + " results by relevance; narrow the query or sort by recent");
                }
                // the same snapshot ranks the same way every time: the page is a slice of it
                result = FacetsCollectorManager.search(ranking, query, offset + r.limit() + 1, r.sort().sort(), true,
                        new FacetsCollectorManager());
                from = offset;
            } else {
                result = cursor == null
                        ? FacetsCollectorManager.search(ranking, query, r.limit() + 1, r.sort().sort(), false, new FacetsCollectorManager())
                        : FacetsCollectorManager.searchAfter(ranking, cursor.after(), query, r.limit() + 1, r.sort().sort(), false,
                        new FacetsCollectorManager());
                from = 0;
            }
        } catch (IndexSearcher.TooManyClauses e) {
            throw ProblemException.invalid("q", "matches too many words; make the prefix longer");
        }
        TopDocs top = result.topDocs();
        // one extra hit is fetched only to know whether a next page exists
        int shown = Math.max(0, Math.min(r.limit(), top.scoreDocs.length - from));
        int[] ranked = new int[shown];
        for (int i = 0; i < shown; i++) ranked[i] = top.scoreDocs[from + i].doc;
        String next = top.scoreDocs.length > from + r.limit()
                ? Cursor.next(g.name(), snapshot, offset + shown, top.scoreDocs[from + shown - 1], r.sort()) : null;

        IndexSearcher searcher = now;
        int[] docs = ranked;
        FacetsCollector counted = result.facetsCollector();
        long total = top.totalHits.value;
        if (ranking.getIndexReader() != now.getIndexReader()) {
            // a later page of an older snapshot: it says which hits come next; whether each may still be shown, what it
            // says, and what the total and facets count, the newest index says
            docs = stillShown(ranking, now, query, ranked);
            counted = FacetsCollectorManager.search(now, query, 1, new FacetsCollectorManager()).facetsCollector();
            total = counted.getMatchingDocs().stream().mapToLong(m -> m.totalHits).sum();
        }
        boolean highlight = r.q() != null && !r.q().isBlank();
        String[] snippets = Highlights.snippets(searcher, userQuery, docs, highlight, language);
        List<Document> found = new ArrayList<>();
        for (int doc : docs) found.add(searcher.storedFields().document(doc));
        Map<String, Map<String, Long>> facets = facets(g, searcher, counted);
        // a hit visible through another of its addresses may name a community she may not see
        Set<String> mentioned = new LinkedHashSet<>(facets.getOrDefault(Fields.FACET_COMMUNITY, Map.of()).keySet());
        for (Document d : found) mentioned.addAll(List.of(d.getValues(Fields.COMMUNITY)));
        Set<String> shownCommunities = communitiesVisibleTo(searcher, viewer, mentioned);
        facets.get(Fields.FACET_COMMUNITY).keySet().retainAll(shownCommunities);
        List<SearchPage.Hit> hits = new ArrayList<>();
        Set<String> named = new LinkedHashSet<>();
        for (int i = 0; i < docs.length; i++) {
            SearchPage.Hit hit = hit(found.get(i), snippets[i], shownCommunities, language);
            hits.add(hit);
            if (hit.author() != null) named.add(hit.author());
            if (hit.community() != null) named.add(hit.community());
        }
        named.addAll(facets.getOrDefault(Fields.FACET_AUTHOR, Map.of()).keySet());
        named.addAll(facets.getOrDefault(Fields.FACET_COMMUNITY, Map.of()).keySet());
        Map<String, String> labels = labels(searcher, named);
        hits.replaceAll(hit -> OwnerNames.named(hit, labels));
        return new SearchPage(total, hits, facets, labels, next);
    }

    /**
     * The documents of the newest index ({@code now}) that are, by id, the {@code ranked} hits of an older snapshot and
     * still match the whole query there (the user's words, the filters and the viewer's permission filter), in the
     * snapshot's order. A hit deleted, hidden, edited away or made invisible to the viewer since is left out.
     */
    static int[] stillShown(IndexSearcher ranking, IndexSearcher now, Query query, int[] ranked) throws IOException {
        if (ranked.length == 0) return ranked;
        List<String> ids = new ArrayList<>();
        for (int doc : ranked) ids.add(ranking.storedFields().document(doc, Set.of(Fields.ID)).get(Fields.ID));
        Query same = new BooleanQuery.Builder().add(query, BooleanClause.Occur.FILTER)
                .add(anyOf(Fields.ID, ids), BooleanClause.Occur.FILTER).build();
        Map<String, Integer> current = new LinkedHashMap<>();
        for (ScoreDoc sd : now.search(same, ids.size()).scoreDocs) {
            current.put(now.storedFields().document(sd.doc, Set.of(Fields.ID)).get(Fields.ID), sd.doc);
        }
        return ids.stream().filter(current::containsKey).mapToInt(current::get).toArray();
    }

    /**
     * Which of these communities the viewer may see now: those she is a member of, and those whose own community
     * document passes her permission filter ({@link Viewers#visibleTo}), i.e. public and private ones (listed to
     * everyone). A secret community she is not in now, or one search does not know yet, is not among them. Hits,
     * facets and labels name only these, and the insights answer 404 for any other.
     */
    public static Set<String> communitiesVisibleTo(IndexSearcher searcher, Viewer viewer, Set<String> communities)
            throws IOException {
        Set<String> out = new LinkedHashSet<>();
        for (String c : communities) if (viewer.communities().contains(c)) out.add(c);
        if (communities.isEmpty()) return out;
        Query q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_ITEM)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(Fields.TYPE, ItemType.COMMUNITY.key())), BooleanClause.Occur.FILTER)
                .add(anyOf(Fields.ID, communities), BooleanClause.Occur.FILTER)
                .add(Viewers.visibleTo(viewer), BooleanClause.Occur.FILTER).build();
        for (ScoreDoc sd : searcher.search(q, communities.size()).scoreDocs) {
            out.add(searcher.storedFields().document(sd.doc, Set.of(Fields.ID)).get(Fields.ID));
        }
        return out;
    }

    /**
     * One hit as the reader gets it. Its community is the first of the item's communities the reader may see
     * ({@code shownCommunities}); none when she sees the item through another address only (never the name of a
     * community she may not see, which its owner may change). An item
     * whose text comes in several languages is titled in the reader's ({@code language}, {@link ReaderLanguage#order}).
     */
    static SearchPage.Hit hit(Document d, String snippet, Set<String> shownCommunities, String language) {
        String type = d.get(Fields.TYPE);
        List<String> languages = ReaderLanguage.order(language, List.of(d.getValues(Fields.LANGUAGES)));
        String title = languages.isEmpty() ? d.get(Fields.TITLE) : d.get(Fields.titleIn(languages.get(0)));
        String body = languages.isEmpty() ? d.get(Fields.BODY) : d.get(Fields.bodyIn(languages.get(0)));
        if ((title == null || title.isBlank()) && body != null) {
            title = io.relais.search.index.PlainText.excerpt(body, 80);
        }
        String community = ItemType.COMMUNITY.key().equals(type) ? d.get(Fields.ID)
                : Arrays.stream(d.getValues(Fields.COMMUNITY)).filter(shownCommunities::contains).findFirst().orElse(null);
        IndexableField published = d.getField(Fields.PUBLISHED);
        return new SearchPage.Hit(d.get(Fields.ID), type, title, snippet, d.get(Fields.AUTHOR), community,
                d.get(Fields.SOURCE), published == null ? null : Instant.ofEpochMilli(published.numericValue().longValue()),
                d.get(Fields.URL), d.get(Fields.CONTEXT));
    }

    static Map<String, Map<String, Long>> facets(IndexGeneration g, IndexSearcher searcher, FacetsCollector fc)
            throws IOException {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        SortedSetDocValuesReaderState state = g.facetState(searcher.getIndexReader());
        Facets counts = state == null ? null : new SortedSetDocValuesFacetCounts(state, fc);
        for (String dim : List.of(Fields.FACET_TYPE, Fields.FACET_COMMUNITY, Fields.FACET_AUTHOR, Fields.FACET_SOURCE)) {
            Map<String, Long> values = new LinkedHashMap<>();
            if (counts != null) {
                FacetResult fr;
                try {
                    fr = counts.getTopChildren(FACET_VALUES, dim);
                } catch (IllegalArgumentException dimensionNotIndexedYet) {
                    fr = null;
                }
                if (fr != null) {
                    for (LabelAndValue lv : fr.labelValues) values.put(lv.label, lv.value.longValue());
                }
            }
            out.put(dim, values);
        }
        long now = System.currentTimeMillis();
        LongRange[] ranges = {
                new LongRange("day", now - DAY, true, Long.MAX_VALUE, true),
                new LongRange("week", now - 7 * DAY, true, Long.MAX_VALUE, true),
                new LongRange("month", now - 30 * DAY, true, Long.MAX_VALUE, true),
                new LongRange("year", now - 365 * DAY, true, Long.MAX_VALUE, true),
                new LongRange("older", Long.MIN_VALUE, true, now - 365 * DAY, false)};
        FacetResult dates = new LongRangeFacetCounts(Fields.PUBLISHED, fc, ranges).getAllChildren(Fields.PUBLISHED);
        Map<String, Long> dateCounts = new LinkedHashMap<>();
        for (LabelAndValue lv : dates.labelValues) dateCounts.put(lv.label, lv.value.longValue());
        out.put("date", dateCounts);
        return out;
    }

    /**
     * Display names for person and community IRIs. Only names of things the caller already sees in
     * their results are asked for, and a community only once {@link #communitiesVisibleTo} admitted it: an item she sees
     * through another address must not give her the name of a secret community she is not in.
     */
    static Map<String, String> labels(IndexSearcher searcher, Set<String> iris) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        if (iris.isEmpty()) return out;
        Query q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_ITEM)), BooleanClause.Occur.FILTER)
                .add(anyOf(Fields.ID, iris), BooleanClause.Occur.FILTER).build();
        for (ScoreDoc sd : searcher.search(q, iris.size()).scoreDocs) {
            Document d = searcher.storedFields().document(sd.doc, Set.of(Fields.ID, Fields.TITLE));
            if (d.get(Fields.TITLE) != null && !d.get(Fields.TITLE).isBlank()) out.put(d.get(Fields.ID), d.get(Fields.TITLE));
        }
        return out;
    }
}
