package io.relais.feed.community;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import io.relais.events.Violation;
import io.relais.kit.error.Problem;
import io.relais.kit.error.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

/**
 * The last join request each person sent to each private community (found by a tester: request, withdraw, request
 * again, each time notifying every owner and moderator anew). One document per (community, person), keyed by
 * {@code _id = "<community IRI>|<person IRI>"} (keyed reads only):
 * <pre>{_id, offer: the Offer's IRI, to: [the owners and moderators it was addressed to], at: when it was sent, open}</pre>
 * <ul>
 *   <li><b>one request per person and community per {@code feed.communities.join-request-interval}</b> (24 h): asking
 *       again sooner, after a withdrawal or a refusal, is refused 429 with {@code Retry-After}
 *       ({@link #requireMayAsk}); so a person's requests notify a community's managers at most once per interval.
 *       An approval forgets the record ({@link #forget}): a member who leaves may ask again at once (a manager
 *       decides each time, so that is no spam);</li>
 *   <li>{@code open} is true while the request is pending: a withdrawal ({@link #withdrawn}) or a refusal
 *       ({@link #closed}) closes it, and the notification consumer notifies only of the Offer that is a person's open
 *       request ({@link #isOpen}), so a replayed Offer never notifies again of a request that ended;</li>
 *   <li>{@code offer} and {@code to} let the {@code Undo} that ends the request (a withdrawal, an approval, a refusal,
 *       the requester joining by invitation) name the Offer and the people it notified, so their notification is taken
 *       back even if the community's managers changed since.</li>
 * </ul>
 */
@ApplicationScoped
public class JoinRequests {

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    /** How long after a join request the same person may send another to the same community. */
    @ConfigProperty(name = "feed.communities.join-request-interval", defaultValue = "PT24H")
    Duration interval;

    /**
     * A person's last request to a community.
     *
     * @param offer the Offer activity's IRI
     * @param to    the person IRIs it was addressed to (the owners and moderators then)
     * @param at    when it was sent
     * @param open  whether it is still pending
     */
    public record Sent(String offer, List<String> to, Instant at, boolean open) {
    }

    /** The person's last request to the community, if one is remembered. */
    public Optional<Sent> last(String communityIri, String personIri) {
        Document d = collection().find(eq("_id", key(communityIri, personIri))).first();
        if (d == null) return Optional.empty();
        return Optional.of(new Sent(d.getString("offer"), d.getList("to", String.class, List.of()),
                d.getDate("at").toInstant(), Boolean.TRUE.equals(d.getBoolean("open"))));
    }

    /**
     * 429 problem+json with {@code Retry-After} (seconds) when the person sent a request to this community less than
     * the interval ago, naming {@code slug} and the rule; nothing otherwise.
     */
    void requireMayAsk(Community c, String personIri, Instant now) {
        Optional<Sent> last = last(c.iri(), personIri);
        if (last.isEmpty()) return;
        Instant next = last.get().at().plus(interval);
        if (!now.isBefore(next)) return;
        long wait = Math.max(1, Duration.between(now, next).toSeconds() + 1);
        String rule = "one join request per person and community every " + hours(interval)
                + "; you may ask again in " + hours(Duration.ofSeconds(wait));
        throw new ProblemException(Problem.of(429, "too-many-requests", "Too many requests",
                "you already asked to join " + c.slug() + " recently: " + rule)
                .withErrors(List.of(new Violation("slug", rule))), Map.of("Retry-After", Long.toString(wait)));
    }

    /** Remembers a request as the person's open one (before its Offer is published). */
    void sent(String communityIri, String personIri, String offerIri, List<String> to, Instant at) {
        collection().replaceOne(eq("_id", key(communityIri, personIri)), new Document("_id", key(communityIri, personIri))
                .append("offer", offerIri).append("to", to).append("at", Date.from(at)).append("open", true),
                new ReplaceOptions().upsert(true));
    }

    /** The person withdrew the request: closed, its time kept (the interval still runs); see {@link #closed}. */
    Optional<Sent> withdrawn(String communityIri, String personIri) {
        return closed(communityIri, personIri);
    }

    /**
     * A manager refused the request (or it was closed unanswered, its requester having left the company): closed, its
     * time kept (the interval still runs).
     *
     * @return the request as it was, if it was remembered open; only one of two concurrent closings gets it, so its
     *         notifications are taken back once
     */
    Optional<Sent> closed(String communityIri, String personIri) {
        Document before = collection().findOneAndUpdate(and(eq("_id", key(communityIri, personIri)), eq("open", true)),
                Updates.set("open", false));
        if (before == null) return Optional.empty();
        return Optional.of(new Sent(before.getString("offer"), before.getList("to", String.class, List.of()),
                before.getDate("at").toInstant(), true));
    }

    /**
     * The request was answered by membership (approved, or its requester joined by invitation): forgotten, so that a
     * member who leaves may ask again.
     *
     * @return the request as it was, if it was remembered open (see {@link #closed})
     */
    Optional<Sent> forget(String communityIri, String personIri) {
        Optional<Sent> open = closed(communityIri, personIri);
        collection().deleteOne(eq("_id", key(communityIri, personIri)));
        return open;
    }

    /**
     * Whether this Offer should notify: it is the person's open request to the community, or no request of theirs is
     * remembered (one sent before this record existed).
     */
    public boolean isOpen(String communityIri, String personIri, String offerIri) {
        return last(communityIri, personIri).map(s -> s.open() && offerIri.equals(s.offer())).orElse(true);
    }

    private static String hours(Duration d) {
        long minutes = Math.max(1, (d.toSeconds() + 59) / 60);
        if (minutes % 60 == 0) return (minutes / 60) + (minutes == 60 ? " hour" : " hours");
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }

    private static String key(String communityIri, String personIri) {
        return communityIri + "|" + personIri;
    }

    private MongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection("join_requests");
    }
}
