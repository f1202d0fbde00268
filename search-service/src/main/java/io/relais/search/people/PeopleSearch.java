package io.relais.search.people;

import io.relais.events.Viewer;
import io.relais.search.index.Fields;
import io.relais.search.index.IndexGeneration;
import io.relais.search.index.ItemType;
import io.relais.search.index.SearchConfig;
import io.relais.search.index.SearchIndex;
import io.relais.search.query.QueryText;
import io.relais.search.query.SearchService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds colleagues by name, job title, department, skills and bio, and the people who write most
 * about a topic (counted over the posts and comments the caller may see).
 */
@ApplicationScoped
public class PeopleSearch {

    static final int CONTRIBUTORS = 5;

    @Inject
    SearchIndex index;

    @Inject
    SearchConfig config;

    public PeoplePage find(String q, int limit, Viewer viewer) {
        Query people = QueryText.parse(q, config.maxQueryChars(), QueryText.PEOPLE_FIELDS, QueryText.PEOPLE_BOOSTS);
        Query items = QueryText.parse(q, config.maxQueryChars());
        IndexGeneration g = index.current();
        return g.read(searcher -> {
            BooleanQuery.Builder pb = new BooleanQuery.Builder().add(people, BooleanClause.Occur.MUST);
            SearchService.itemsVisibleTo(pb, viewer);
            pb.add(new TermQuery(new Term(Fields.TYPE, ItemType.PERSON.key())), BooleanClause.Occur.FILTER);
            TopDocs top = searcher.search(pb.build(), limit);
            List<PeoplePage.Person> found = new ArrayList<>();
            int[] docs = new int[top.scoreDocs.length];
            for (int i = 0; i < docs.length; i++) docs[i] = top.scoreDocs[i].doc;
            String[] snippets = q == null || q.isBlank() ? new String[docs.length]
                    : io.relais.search.query.Snippets.of(searcher, people, docs);
            for (int i = 0; i < docs.length; i++) found.add(person(searcher.storedFields().document(docs[i]), snippets[i]));
            return new PeoplePage(top.totalHits.value, found, contributors(g, searcher, items, viewer));
        });
    }

    private static List<PeoplePage.Contributor> contributors(IndexGeneration g, IndexSearcher searcher, Query items,
                                                             Viewer viewer) throws IOException {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(items, BooleanClause.Occur.MUST);
        SearchService.itemsVisibleTo(b, viewer);
        b.add(new TermInSetQuery(Fields.TYPE, List.of(new BytesRef(ItemType.POST.key()), new BytesRef(ItemType.COMMENT.key()))),
                BooleanClause.Occur.FILTER);
        var result = FacetsCollectorManager.search(searcher, b.build(), 1, new FacetsCollectorManager());
        SortedSetDocValuesReaderState state = g.facetState(searcher.getIndexReader());
        if (state == null) return List.of();
        FacetResult authors;
        try {
            authors = new SortedSetDocValuesFacetCounts(state, result.facetsCollector()).getTopChildren(CONTRIBUTORS, Fields.FACET_AUTHOR);
        } catch (IllegalArgumentException noAuthorsYet) {
            return List.of();
        }
        if (authors == null) return List.of();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (LabelAndValue lv : authors.labelValues) counts.put(lv.label, lv.value.longValue());
        Map<String, String> names = names(searcher, counts.keySet());
        List<PeoplePage.Contributor> out = new ArrayList<>();
        counts.forEach((id, n) -> out.add(new PeoplePage.Contributor(id, names.get(id), n)));
        return out;
    }

    private static Map<String, String> names(IndexSearcher searcher, Set<String> ids) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        if (ids.isEmpty()) return out;
        Query q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.TYPE, ItemType.PERSON.key())), BooleanClause.Occur.FILTER)
                .add(new TermInSetQuery(Fields.ID, ids.stream().map(BytesRef::new).toList()), BooleanClause.Occur.FILTER).build();
        for (ScoreDoc sd : searcher.search(q, ids.size()).scoreDocs) {
            Document d = searcher.storedFields().document(sd.doc, Set.of(Fields.ID, Fields.TITLE));
            out.put(d.get(Fields.ID), d.get(Fields.TITLE));
        }
        return out;
    }

    private static PeoplePage.Person person(Document d, String snippet) {
        List<String> skills = java.util.Arrays.stream(d.getValues(Fields.SKILLS_TEXT + "_stored")).toList();
        return new PeoplePage.Person(d.get(Fields.ID), d.get(Fields.LOGIN), d.get(Fields.TITLE), d.get(Fields.JOB_TITLE),
                d.get(Fields.DEPARTMENT), d.get(Fields.LOCATION), skills, d.get(Fields.STATUS), d.get(Fields.ICON), snippet);
    }
}
