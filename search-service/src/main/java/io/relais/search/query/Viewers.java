package io.relais.search.query;

import io.relais.events.Viewer;
import io.relais.kit.identity.CurrentPerson;
import io.relais.kit.identity.Roles;
import io.relais.search.index.Fields;
import io.relais.search.index.IndexGeneration;
import io.relais.search.index.SearchIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who is searching, as the shared visibility rule sees them: the person and the communities they
 * belong to, read from the membership documents that Join/Leave events keep in the index itself
 * (so they survive restarts and are rebuilt with the index).
 */
@ApplicationScoped
public class Viewers {

    /** A person belongs to at most this many communities as far as search is concerned. */
    static final int MAX_COMMUNITIES = 10_000;

    @Inject
    SearchIndex index;

    public Viewer of(CurrentPerson person) {
        Set<String> communities = communitiesOf(person.iri());
        boolean internal = person.isInternal() || person.hasRole(Roles.ADMIN);
        return new Viewer(person.iri(), communities, internal);
    }

    public Set<String> communitiesOf(String personIri) {
        IndexGeneration g = index.current();
        return g.read(searcher -> communitiesOf(searcher, personIri));
    }

    public static Set<String> communitiesOf(IndexSearcher searcher, String personIri) throws IOException {
        BooleanQuery q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_MEMBERSHIP)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(Fields.MEMBER, personIri)), BooleanClause.Occur.FILTER).build();
        TopDocs top = searcher.search(q, MAX_COMMUNITIES);
        Set<String> out = new LinkedHashSet<>();
        var stored = searcher.storedFields();
        for (ScoreDoc sd : top.scoreDocs) {
            out.add(stored.document(sd.doc, Set.of(Fields.COMMUNITY)).get(Fields.COMMUNITY));
        }
        return out;
    }

    /**
     * The permission filter, inside the Lucene query: an item matches only when its audience shares a key with the
     * viewer's ({@link Viewer#audienceKeys()}). Its writer is judged by that audience like anyone else, as feed-service's
     * thread rule judges her ({@code ThreadAccess.audienceAdmits}: someone who left or was removed from a private or
     * secret community reads none of its threads, not even those she started, which answer 404; she may still delete her
     * own words, and an export gives her their text), so search never offers a hit that opens on a 404. Only one's own
     * reactions match whatever their audience, for the insights (never a hit). A business card (event, document) is
     * attributed to the owner its system names, who did not write it, and a community's document to whoever last changed
     * its settings (the actor of its Group activity), who does not own it: both match their audience only too, so a
     * secret community is unknown to its founder once she left, as in feed-service ({@code Community#visibleTo}).
     */
    public static BooleanQuery visibleTo(Viewer viewer) {
        List<BytesRef> keys = viewer.audienceKeys().stream().map(BytesRef::new).toList();
        BooleanQuery ownReaction = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.AUTHOR, viewer.person())), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_REACTION)), BooleanClause.Occur.FILTER)
                .build();
        return new BooleanQuery.Builder()
                .add(new TermInSetQuery(Fields.AUDIENCE, keys), BooleanClause.Occur.SHOULD)
                .add(ownReaction, BooleanClause.Occur.SHOULD)
                .setMinimumNumberShouldMatch(1)
                .build();
    }
}
