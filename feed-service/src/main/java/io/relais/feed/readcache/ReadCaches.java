package io.relais.feed.readcache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.relais.events.Activity;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.events.Iri;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The read path's caches of one replica (issue 18, "reads first"): memberships, follows, announcements and
 * dismissals, home timeline days, and what hydrating a page needs (posts, first comments, people, communities, the
 * reader's reactions, link previews). Each is a bounded {@link KeyedCache} keyed by IRI; this class is the one place
 * that says when a value stops being true:
 * <ul>
 *   <li>{@link #heard} — every activity this replica's live consumer reads (through {@code HotTimelines}) drops what
 *       it names: its actor, object (not the new post or card of a Create: {@link #createsContent}), the object's
 *       thread ({@code context}, {@code inReplyTo}) and its target. So a
 *       Follow or Undo drops the follower's follows, a Join or Leave the member's communities, a Like the reader's
 *       reactions and the post, a comment its thread, an edit, a moderation decision or a Delete the post;</li>
 *   <li>{@link #changed} — this replica's own writes drop what they change at once, before their activity is even
 *       published (read-your-writes on the same replica);</li>
 *   <li>{@link ReadCacheConfig#ttl()} bounds what nothing announces (a dismissal made through another replica).</li>
 * </ul>
 * The owners of each fact write it before they announce it (the outbox), so a value read after the activity is heard
 * is the new one; a value read while a change is being announced is not kept ({@link KeyedCache#put}).
 * Caches hold stored facts shared by every reader; the audience rule is applied per viewer on every read after them.
 */
@Singleton
public class ReadCaches {

    /** The key the organisation's announcement board is cached under. */
    public static final String ANNOUNCEMENT_BOARD = "urn:relais:announcement-board:organisation";

    /** Most change stamps held (see the constructor). */
    private static final long CHANGES_HELD = 200_000;

    private final ReadCacheConfig config;
    private final MeterRegistry meters;
    private final Map<String, KeyedCache<?>> caches = new ConcurrentHashMap<>();
    /** When each IRI was last named by a change (nanoTime), kept while a read racing it may still be in flight. */
    private final Cache<String, Long> changes;
    /** IRIs whose change also changes another cached value (a comment: the first comments of its thread). */
    private final Cache<String, String> aliases;

    @Inject
    public ReadCaches(ReadCacheConfig config, MeterRegistry meters) {
        this.config = config;
        this.meters = meters;
        // a stamp must outlive the settle window and the slowest read that could race it; at 200 activities/s naming
        // about three IRIs each, that is some 20,000 stamps
        Duration keep = config.settle().plus(Duration.ofSeconds(30));
        this.changes = Caffeine.newBuilder().maximumSize(CHANGES_HELD).expireAfterWrite(keep).build();
        this.aliases = Caffeine.newBuilder().maximumSize(Math.max(config.maxItems(), 10_000)).expireAfterWrite(config.ttl()).build();
    }

    ReadCacheConfig config() {
        return config;
    }

    /** Most people a per-person cache holds. */
    public long maxPeople() {
        return config.maxPeople();
    }

    /** Most items (posts, threads, communities…) a per-item cache holds. */
    public long maxItems() {
        return config.maxItems();
    }

    /**
     * The cache of this name, made on first use with at most {@code maxSize} values; the same instance for the same
     * name afterwards (each reader asks for its own names, and always with the same value type).
     */
    @SuppressWarnings("unchecked")
    public <V> KeyedCache<V> named(String name, long maxSize) {
        return (KeyedCache<V>) caches.computeIfAbsent(name, n -> new KeyedCache<V>(this, n, maxSize, meters));
    }

    /** A change of {@code iri} is also a change of {@code also} (a comment shown among its thread's first comments). */
    public void alias(String iri, String also) {
        if (config.enabled() && iri != null && also != null && !iri.equals(also)) aliases.put(iri, also);
    }

    /** This replica changed these IRIs in the store (or is about to): every value cached under them goes. */
    public void changed(Collection<String> iris) {
        for (String iri : iris) changed(iri);
    }

    /** See {@link #changed(Collection)}. */
    public void changed(String iri) {
        if (iri == null || !config.enabled()) return;
        // stamp first, then drop: a read that checks the stamp before it keeps a value never keeps a stale one
        changes.put(iri, System.nanoTime());
        for (KeyedCache<?> cache : caches.values()) cache.invalidate(iri);
        String also = aliases.getIfPresent(iri);
        if (also != null) changed(also);
    }

    /**
     * An activity of the topic, as this replica's live consumer read it: drops what it names (see the class comment),
     * and the announcement board for a post's Create, Update or Delete (an announcement is an organisation-wide post).
     */
    public void heard(Activity activity) {
        if (activity == null || !config.enabled()) return;
        List<String> named = new ArrayList<>(5);
        named.add(activity.actor());
        named.add(activity.target());
        AsObject object = activity.object();
        if (object != null) {
            if (!createsContent(activity)) named.add(object.id());
            named.add(object.context());
            named.add(object.inReplyTo());
            String id = object.id();
            if (id != null && Iri.isValid(id) && Iri.isKind(id, Iri.POST)
                    && (As2.CREATE.equals(activity.type()) || As2.UPDATE.equals(activity.type()) || As2.DELETE.equals(activity.type()))) {
                named.add(ANNOUNCEMENT_BOARD);
            }
        }
        named.stream().filter(Objects::nonNull).distinct().forEach(this::changed);
    }

    /**
     * Whether the activity brings a post or a card into being: a Create whose object is a post, a business event, a
     * document or an external object. Its IRI is new (feed-service mints a post's; the connector a card's from the
     * event's id, which it deduplicates), so nothing is cached under it yet and a read of it answers either nothing
     * (not written yet, not kept) or the created document: there is no older value to guard against, and the read
     * that first finds it may keep it at once. Under connector ingest the newest cards are the top of every reader's
     * home page: with the settle window, each home read fetched every card of its last five seconds from the store
     * again (issue 18, twelfth pass). Later changes (an Update, a reaction, a comment, a preview) name it as before.
     */
    static boolean createsContent(Activity activity) {
        if (!As2.CREATE.equals(activity.type()) || activity.object() == null) return false;
        String id = activity.object().id();
        return id != null && Iri.isValid(id) && (Iri.isKind(id, Iri.POST) || Iri.isKind(id, Iri.BUSINESS_EVENT)
                || Iri.isKind(id, Iri.DOCUMENT) || Iri.isKind(id, Iri.EXTERNAL));
    }

    /** Whether a value of this key read from {@code readStartedAt} on may be kept: no change named it since, nor just before. */
    boolean settledSince(String key, long readStartedAt) {
        Long changed = changes.getIfPresent(key);
        return changed == null || changed < readStartedAt - config.settle().toNanos();
    }

    /** Drops every cached value of this replica (tests: a restart starts cold). */
    public void clear() {
        caches.values().forEach(KeyedCache::clear);
    }
}
