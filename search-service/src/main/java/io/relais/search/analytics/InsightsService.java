package io.relais.search.analytics;

import io.relais.events.Viewer;
import io.relais.kit.error.ProblemException;
import io.relais.kit.identity.CurrentPerson;
import io.relais.kit.identity.Roles;
import io.relais.search.index.Fields;
import io.relais.search.index.ItemType;
import io.relais.search.index.PlainText;
import io.relais.search.index.Projection;
import io.relais.search.index.SearchIndex;
import io.relais.search.query.SearchService;
import io.relais.search.query.Viewers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.StoredFields;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what the insights are computed from out of the index (posts, comments, reactions and the membership history
 * are all projections of {@code relais.activities}, so a rebuilt index gives the same figures), decides who may see
 * them, and hands the facts to {@link InsightsCalculation}.
 *
 * <p>Who sees what (issue 15): a community's owners and moderators see its figures; {@code community-manager} and
 * {@code admin} every community's and the organisation's, except a secret community's, which is 404 to every non-member
 * whatever their role (feed-service's {@code Community#visibleTo}: no role opens a secret community); a private one is
 * 404 to any other non-member (as its member list is in feed-service). Figures count everything in the scope, but
 * whatever names content or people (top hashtags, contributors, posts) comes only from what the caller may read under
 * the shared audience rule, less the threads moderation hides ({@link SearchService#readableBy}), so a manager outside a
 * private community sees its numbers and nothing of its content or people.
 */
@ApplicationScoped
public class InsightsService {

    /** A period's activity is read in full; beyond this the period must be narrowed. */
    static final int MAX_DOCS = 200_000;
    static final String PUBLIC = "public";

    @Inject
    SearchIndex index;

    @Inject
    Viewers viewers;

    @Inject
    AnalyticsConfig config;

    /**
     * Insights of one community.
     *
     * @throws ProblemException 404 when the community does not exist, is secret and the caller not a member, or is
     *                          private and the caller neither a member nor a manager/admin; 403 when the caller may read it but is not one of its owners or moderators
     */
    public Insights community(String community, Instant from, Instant to, Bucket bucket, CurrentPerson person) {
        Viewer viewer = viewers.of(person);
        boolean manager = person.hasRole(Roles.COMMUNITY_MANAGER) || person.hasRole(Roles.ADMIN);
        return index.current().read(searcher -> {
            Document group = one(searcher, new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(Fields.ID, community)), BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(Fields.TYPE, ItemType.COMMUNITY.key())), BooleanClause.Occur.FILTER).build());
            boolean member = viewer.communities().contains(community);
            // whether the caller may know it exists is search's one rule for naming a community (a secret one: its
            // members only, whatever their role, as in feed-service); then a private one's figures are for its members,
            // managers and admins, as its member list is in feed-service
            boolean known = group != null
                    && SearchService.communitiesVisibleTo(searcher, viewer, Set.of(community)).contains(community);
            if (!known || (!PUBLIC.equals(group.get(Fields.VISIBILITY)) && !member && !manager)) {
                throw ProblemException.notFound("community " + community);
            }
            if (!manager && !moderates(searcher, person.iri(), community)) {
                throw ProblemException.forbidden("a community's figures are for its owners and moderators, community managers and administrators");
            }
            Query scope = new TermQuery(new Term(Fields.COMMUNITY, community));
            InsightsCalculation calc = calculation(searcher, scope, from, to, bucket, viewer);
            boolean contentShown = PUBLIC.equals(group.get(Fields.VISIBILITY)) || member;
            return insights("community", community, group.get(Fields.TITLE), group.get(Fields.VISIBILITY), from, to, bucket,
                    contentShown, calc, searcher);
        });
    }

    /** Insights of the whole organisation (every community and the posts addressed to the organisation); managers and admins only. */
    public Insights organisation(Instant from, Instant to, Bucket bucket, CurrentPerson person) {
        Viewer viewer = viewers.of(person);
        return index.current().read(searcher -> {
            InsightsCalculation calc = calculation(searcher, null, from, to, bucket, viewer);
            return insights("organisation", null, null, null, from, to, bucket, true, calc, searcher);
        });
    }

    private Insights insights(String scope, String community, String name, String visibility, Instant from, Instant to,
                              Bucket bucket, boolean contentShown, InsightsCalculation calc, IndexSearcher searcher) throws IOException {
        return new Insights(scope, community, name, visibility, from, to, bucket.key(), config.minGroup(), contentShown,
                calc.period(), calc.buckets(), calc.topHashtags(), calc.topContributors(names(searcher, calc.authors())),
                calc.topPosts(), calc.topReach(), Insights.DEFINITIONS);
    }

    private InsightsCalculation calculation(IndexSearcher searcher, Query scope, Instant from, Instant to, Bucket bucket,
                                            Viewer viewer) throws IOException {
        BooleanQuery.Builder activity = new BooleanQuery.Builder()
                .add(LongPoint.newRangeQuery(Fields.PUBLISHED, from.toEpochMilli(), to.toEpochMilli()), BooleanClause.Occur.FILTER)
                .add(new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_REACTION)), BooleanClause.Occur.SHOULD)
                        .add(new TermInSetQuery(Fields.TYPE, List.of(new BytesRef(ItemType.POST.key()), new BytesRef(ItemType.COMMENT.key()))),
                                BooleanClause.Occur.SHOULD).build(), BooleanClause.Occur.FILTER);
        if (scope != null) activity.add(scope, BooleanClause.Occur.FILTER);
        Query all = activity.build();
        TopDocs found = searcher.search(all, MAX_DOCS);
        if (found.totalHits.value > MAX_DOCS) {
            throw ProblemException.invalid("from", "the period holds more than " + MAX_DOCS + " contributions; choose a shorter one");
        }
        Set<Integer> readable = new HashSet<>();
        Query visible = new BooleanQuery.Builder().add(all, BooleanClause.Occur.FILTER)
                .add(SearchService.readableBy(viewer), BooleanClause.Occur.FILTER).build();
        for (ScoreDoc sd : searcher.search(visible, MAX_DOCS).scoreDocs) readable.add(sd.doc);
        StoredFields stored = searcher.storedFields();
        List<Fact> facts = new ArrayList<>();
        for (ScoreDoc sd : found.scoreDocs) {
            Document d = stored.document(sd.doc);
            String author = d.get(Fields.AUTHOR);
            if (author == null) continue;
            Instant at = Instant.ofEpochMilli(d.getField(Fields.PUBLISHED).numericValue().longValue());
            String type = d.get(Fields.TYPE);
            List<String> tags = Arrays.asList(d.getValues(Fields.HASHTAG));
            boolean canRead = readable.contains(sd.doc);
            if (type == null) {
                facts.add(new Fact(Fact.Kind.REACTION, d.get(Fields.ID), author, at, d.get(Fields.TARGET), false, List.of(), canRead, null));
            } else if (ItemType.POST.key().equals(type)) {
                String title = d.get(Fields.TITLE);
                String body = d.get(Fields.BODY);
                facts.add(new Fact(Fact.Kind.POST, d.get(Fields.ID), author, at, null, Fact.isQuestion(title, body, tags), tags, canRead,
                        title == null || title.isBlank() ? PlainText.excerpt(body, 80) : title));
            } else {
                facts.add(new Fact(Fact.Kind.COMMENT, d.get(Fields.ID), author, at, d.get(Fields.CONTEXT), false, tags, canRead, null));
            }
        }
        BooleanQuery.Builder history = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_MEMBERSHIP_CHANGE)), BooleanClause.Occur.FILTER)
                .add(LongPoint.newRangeQuery(Fields.PUBLISHED, Long.MIN_VALUE, to.toEpochMilli()), BooleanClause.Occur.FILTER);
        if (scope != null) history.add(scope, BooleanClause.Occur.FILTER);
        List<MembershipChange> changes = new ArrayList<>();
        for (ScoreDoc sd : searcher.search(history.build(), MAX_DOCS).scoreDocs) {
            Document d = stored.document(sd.doc);
            changes.add(new MembershipChange(d.get(Fields.ID), d.get(Fields.MEMBER), d.get(Fields.COMMUNITY),
                    Instant.ofEpochMilli(d.getField(Fields.PUBLISHED).numericValue().longValue()),
                    Fields.CHANGE_JOIN.equals(d.get(Fields.CHANGE))));
        }
        return new InsightsCalculation(facts, changes, openings(searcher, scope, from, to), reachItems(searcher, scope, from, to, viewer),
                organisation(searcher), from, to, bucket, config.minGroup());
    }

    /** The opens of the period in the scope (view documents: one per person, item and day). */
    private static List<Opening> openings(IndexSearcher searcher, Query scope, Instant from, Instant to) throws IOException {
        BooleanQuery.Builder q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_VIEW)), BooleanClause.Occur.FILTER)
                .add(LongPoint.newRangeQuery(Fields.PUBLISHED, from.toEpochMilli(), to.toEpochMilli()), BooleanClause.Occur.FILTER);
        if (scope != null) q.add(scope, BooleanClause.Occur.FILTER);
        TopDocs found = searcher.search(q.build(), MAX_DOCS);
        if (found.totalHits.value > MAX_DOCS) {
            throw ProblemException.invalid("from", "the period holds more than " + MAX_DOCS + " opens; choose a shorter one");
        }
        List<Opening> out = new ArrayList<>();
        StoredFields stored = searcher.storedFields();
        for (ScoreDoc sd : found.scoreDocs) {
            Document d = stored.document(sd.doc, Set.of(Fields.OPENED, Fields.READER, Fields.PUBLISHED));
            out.add(new Opening(d.get(Fields.OPENED), d.get(Fields.READER),
                    Instant.ofEpochMilli(d.getField(Fields.PUBLISHED).numericValue().longValue())));
        }
        return out;
    }

    /** The announcements and business cards published in the period in the scope, and whether the caller may read each. */
    private static List<ReachItem> reachItems(IndexSearcher searcher, Query scope, Instant from, Instant to, Viewer viewer)
            throws IOException {
        BooleanQuery.Builder q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_ITEM)), BooleanClause.Occur.FILTER)
                .add(LongPoint.newRangeQuery(Fields.PUBLISHED, from.toEpochMilli(), to.toEpochMilli()), BooleanClause.Occur.FILTER)
                .add(new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(Fields.ANNOUNCEMENT, "true")), BooleanClause.Occur.SHOULD)
                        .add(new TermInSetQuery(Fields.TYPE, List.of(new BytesRef(ItemType.EVENT.key()), new BytesRef(ItemType.DOCUMENT.key()))),
                                BooleanClause.Occur.SHOULD).build(), BooleanClause.Occur.FILTER);
        if (scope != null) q.add(scope, BooleanClause.Occur.FILTER);
        Query all = q.build();
        Set<Integer> readable = new HashSet<>();
        Query visible = new BooleanQuery.Builder().add(all, BooleanClause.Occur.FILTER)
                .add(SearchService.readableBy(viewer), BooleanClause.Occur.FILTER).build();
        for (ScoreDoc sd : searcher.search(visible, MAX_DOCS).scoreDocs) readable.add(sd.doc);
        List<ReachItem> out = new ArrayList<>();
        StoredFields stored = searcher.storedFields();
        for (ScoreDoc sd : searcher.search(all, MAX_DOCS).scoreDocs) {
            Document d = stored.document(sd.doc);
            boolean announcement = "true".equals(d.get(Fields.ANNOUNCEMENT));
            String title = d.get(Fields.TITLE);
            if (title == null || title.isBlank()) title = PlainText.excerpt(d.get(Fields.BODY), 80);
            String community = Arrays.stream(d.getValues(Fields.COMMUNITY)).findFirst().orElse(null);
            out.add(new ReachItem(d.get(Fields.ID), announcement ? ReachItem.Kind.ANNOUNCEMENT : ReachItem.Kind.CARD, title,
                    Instant.ofEpochMilli(d.getField(Fields.PUBLISHED).numericValue().longValue()), community,
                    readable.contains(sd.doc)));
        }
        return out;
    }

    /**
     * The people in the directory (person documents from {@code relais.profiles}, except those whose status is
     * {@code left}): the audience of what is addressed to the organisation.
     */
    private static Set<String> organisation(IndexSearcher searcher) throws IOException {
        Query q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.TYPE, ItemType.PERSON.key())), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(Fields.STATUS, "left")), BooleanClause.Occur.MUST_NOT).build();
        Set<String> out = new HashSet<>();
        for (ScoreDoc sd : searcher.search(q, MAX_DOCS).scoreDocs) {
            out.add(searcher.storedFields().document(sd.doc, Set.of(Fields.ID)).get(Fields.ID));
        }
        return out;
    }

    /** Whether the person is an owner or moderator of the community (their current membership's role). */
    private static boolean moderates(IndexSearcher searcher, String person, String community) throws IOException {
        Document m = one(searcher, new TermQuery(new Term(Fields.ID, Projection.membershipId(person, community))));
        if (m == null) return false;
        String role = m.get(Fields.ROLE);
        return "owner".equals(role) || "moderator".equals(role);
    }

    private static Map<String, String> names(IndexSearcher searcher, Set<String> people) throws IOException {
        Map<String, String> out = new HashMap<>();
        if (people.isEmpty()) return out;
        Query q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.TYPE, ItemType.PERSON.key())), BooleanClause.Occur.FILTER)
                .add(new TermInSetQuery(Fields.ID, people.stream().map(BytesRef::new).toList()), BooleanClause.Occur.FILTER).build();
        for (ScoreDoc sd : searcher.search(q, people.size()).scoreDocs) {
            Document d = searcher.storedFields().document(sd.doc, Set.of(Fields.ID, Fields.TITLE));
            out.put(d.get(Fields.ID), d.get(Fields.TITLE));
        }
        return out;
    }

    private static Document one(IndexSearcher searcher, Query q) throws IOException {
        TopDocs top = searcher.search(q, 1);
        return top.scoreDocs.length == 0 ? null : searcher.storedFields().document(top.scoreDocs[0].doc);
    }
}
