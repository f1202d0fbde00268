package io.relais.search.analytics;

import io.relais.events.Viewer;
import io.relais.kit.error.ProblemException;
import io.relais.search.index.Fields;
import io.relais.search.index.IndexGeneration;
import io.relais.search.index.ItemType;
import io.relais.search.index.SearchIndex;
import io.relais.search.query.Viewers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
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
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Engagement of a community, computed from the index (posts, comments and reactions are all there,
 * with their community, author and date). Counts are exact: every matching document is read.
 *
 * <p>Trimmed like search (issue 12): the figures of a private or secret community are answered only to
 * its members (anyone else, a community manager or an administrator included, gets 404, as the posts
 * themselves answer them), and every counted post, comment and reaction passes the shared visibility
 * rule ({@link Viewers#visibleTo}), so no figure, top post or contributor comes from something the
 * caller could not read.
 */
@ApplicationScoped
public class EngagementAnalytics {

    /** A community's activity over a period is read in full; beyond this the period must be narrowed. */
    static final int MAX_DOCS = 200_000;
    static final int TOP = 5;
    /** The one community visibility whose figures anyone with the analytics role may read. */
    static final String PUBLIC = "public";

    @Inject
    SearchIndex index;

    public CommunityEngagement of(String community, Instant from, Instant to, Viewer viewer) {
        IndexGeneration g = index.current();
        return g.read(searcher -> compute(searcher, community, from, to, viewer));
    }

    private CommunityEngagement compute(IndexSearcher searcher, String community, Instant from, Instant to, Viewer viewer)
            throws IOException {
        Document group = one(searcher, new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.ID, community)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(Fields.TYPE, ItemType.COMMUNITY.key())), BooleanClause.Occur.FILTER).build());
        // a private or secret community's activity is its members' business, whatever the caller's role
        if (group == null || (!PUBLIC.equals(group.get(Fields.VISIBILITY)) && !viewer.communities().contains(community))) {
            throw ProblemException.notFound("community " + community);
        }
        Query visible = Viewers.visibleTo(viewer);
        Query inPeriod = LongPoint.newRangeQuery(Fields.PUBLISHED, from.toEpochMilli(), to.toEpochMilli());
        Query activity = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.COMMUNITY, community)), BooleanClause.Occur.FILTER)
                .add(inPeriod, BooleanClause.Occur.FILTER)
                .add(new TermInSetQuery(Fields.KIND, List.of(new BytesRef(Fields.KIND_ITEM), new BytesRef(Fields.KIND_REACTION))),
                        BooleanClause.Occur.FILTER)
                .add(visible, BooleanClause.Occur.FILTER).build();
        TopDocs all = searcher.search(activity, MAX_DOCS);
        if (all.totalHits.value > MAX_DOCS) {
            throw ProblemException.invalid("from", "the period holds more than " + MAX_DOCS + " events; choose a shorter one");
        }
        long posts = 0, comments = 0, reactions = 0;
        Map<String, long[]> byPerson = new HashMap<>();
        Map<LocalDate, long[]> byWeek = new LinkedHashMap<>();
        for (LocalDate w = weekOf(from); !w.isAfter(weekOf(to)); w = w.plusWeeks(1)) byWeek.put(w, new long[3]);
        Map<String, Document> postsInPeriod = new LinkedHashMap<>();
        for (ScoreDoc sd : all.scoreDocs) {
            Document d = searcher.storedFields().document(sd.doc);
            String type = d.get(Fields.TYPE);
            int slot;
            if (type == null) {
                slot = 2; // a reaction
                reactions++;
            } else if (ItemType.POST.key().equals(type)) {
                slot = 0;
                posts++;
                postsInPeriod.put(d.get(Fields.ID), d);
            } else if (ItemType.COMMENT.key().equals(type)) {
                slot = 1;
                comments++;
            } else {
                continue; // the community itself, business cards addressed to it
            }
            String who = d.get(Fields.AUTHOR);
            if (who != null) byPerson.computeIfAbsent(who, k -> new long[3])[slot]++;
            Instant at = Instant.ofEpochMilli(d.getField(Fields.PUBLISHED).numericValue().longValue());
            long[] week = byWeek.get(weekOf(at));
            if (week != null) week[slot]++;
        }
        Map<String, String> names = names(searcher, byPerson.keySet());
        List<CommunityEngagement.Contributor> top = byPerson.entrySet().stream()
                .filter(e -> e.getValue()[0] + e.getValue()[1] > 0)
                .sorted(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -(e.getValue()[0] + e.getValue()[1]))
                        .thenComparingLong(e -> -e.getValue()[2]).thenComparing(Map.Entry::getKey))
                .limit(TOP)
                .map(e -> new CommunityEngagement.Contributor(e.getKey(), names.get(e.getKey()), e.getValue()[0],
                        e.getValue()[1], e.getValue()[2]))
                .toList();
        List<CommunityEngagement.Week> weeks = new ArrayList<>();
        byWeek.forEach((w, c) -> weeks.add(new CommunityEngagement.Week(w, c[0], c[1], c[2])));
        long members = searcher.count(new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_MEMBERSHIP)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(Fields.COMMUNITY, community)), BooleanClause.Occur.FILTER).build());
        return new CommunityEngagement(community, group.get(Fields.TITLE), from, to, posts, comments, reactions,
                byPerson.size(), members, top, topPosts(searcher, postsInPeriod, visible), weeks, CommunityEngagement.DEFINITIONS);
    }

    private static List<CommunityEngagement.TopPost> topPosts(IndexSearcher searcher, Map<String, Document> posts,
                                                              Query visible) throws IOException {
        if (posts.isEmpty()) return List.of();
        List<BytesRef> ids = posts.keySet().stream().map(BytesRef::new).toList();
        Map<String, long[]> received = new HashMap<>();
        Query replies = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_ITEM)), BooleanClause.Occur.FILTER)
                .add(new TermInSetQuery(Fields.CONTEXT, ids), BooleanClause.Occur.FILTER)
                .add(visible, BooleanClause.Occur.FILTER).build();
        for (ScoreDoc sd : searcher.search(replies, MAX_DOCS).scoreDocs) {
            received.computeIfAbsent(searcher.storedFields().document(sd.doc, Set.of(Fields.CONTEXT)).get(Fields.CONTEXT),
                    k -> new long[2])[0]++;
        }
        Query likes = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_REACTION)), BooleanClause.Occur.FILTER)
                .add(new TermInSetQuery(Fields.TARGET, ids), BooleanClause.Occur.FILTER)
                .add(visible, BooleanClause.Occur.FILTER).build();
        for (ScoreDoc sd : searcher.search(likes, MAX_DOCS).scoreDocs) {
            received.computeIfAbsent(searcher.storedFields().document(sd.doc, Set.of(Fields.TARGET)).get(Fields.TARGET),
                    k -> new long[2])[1]++;
        }
        return posts.values().stream()
                .map(d -> {
                    long[] r = received.getOrDefault(d.get(Fields.ID), new long[2]);
                    String title = d.get(Fields.TITLE);
                    if (title == null || title.isBlank()) title = io.relais.search.index.PlainText.excerpt(d.get(Fields.BODY), 80);
                    return new CommunityEngagement.TopPost(d.get(Fields.ID), title, d.get(Fields.AUTHOR),
                            Instant.ofEpochMilli(d.getField(Fields.PUBLISHED).numericValue().longValue()), r[0], r[1]);
                })
                .sorted(Comparator.comparingLong((CommunityEngagement.TopPost p) -> -(p.comments() + p.reactions()))
                        .thenComparing(CommunityEngagement.TopPost::id))
                .limit(TOP)
                .toList();
    }

    private static Map<String, String> names(IndexSearcher searcher, Set<String> people) throws IOException {
        Map<String, String> out = new HashMap<>();
        if (people.isEmpty()) return out;
        Query q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.TYPE, ItemType.PERSON.key())), BooleanClause.Occur.FILTER)
                .add(new TermInSetQuery(Fields.ID, people.stream().map(BytesRef::new).toList()), BooleanClause.Occur.FILTER).build();
        for (ScoreDoc sd : searcher.search(q, people.size()).scoreDocs) {
            Document d = searcher.storedFields().document(sd.doc, new HashSet<>(List.of(Fields.ID, Fields.TITLE)));
            out.put(d.get(Fields.ID), d.get(Fields.TITLE));
        }
        return out;
    }

    private static Document one(IndexSearcher searcher, Query q) throws IOException {
        TopDocs top = searcher.search(q, 1);
        return top.scoreDocs.length == 0 ? null : searcher.storedFields().document(top.scoreDocs[0].doc);
    }

    static LocalDate weekOf(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
