package io.relais.feed.feedview;

import io.quarkus.arc.ClientProxy;
import io.relais.feed.announcement.AnnouncementService;
import io.relais.feed.community.MembershipService;
import io.relais.feed.follow.FollowService;
import io.relais.feed.readcache.ReadCaches;
import io.relais.feed.threadview.CommentViews;
import io.relais.feed.threadview.HydrationReads;
import io.relais.feed.threadview.PostViews;
import io.relais.feed.timeline.TimelineCache;
import io.relais.feed.timeline.TimelineStore;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A second feed-service replica's read path inside this test JVM, built from the running app's beans, for tests of
 * what each replica shows (and of a restart, which starts with empty caches). A second process would build its own
 * {@link ReadCaches} and hot source timelines ({@link TimelineCache}) and everything that reads through them; the
 * store, the broker, configuration and meters it shares with the first.
 * <p>
 * So each bean of {@link #READ_PATH} reached from the copied root is copied once (the copies point to each other: the
 * copied graph has the same shape as the original), and in the copies every injected field whose declared type is
 * {@code ReadCaches} or {@code TimelineCache} holds this replica's instance. Every other injected field (stores, the
 * Mongo client, config, meters, services outside the read path) is shared with replica A as is: the stores' own
 * {@code ReadCaches} only drop entries on writes, and replica B is only read through.
 * <p>
 * A copy is what CDI would build: a new instance (no-arg constructor, field initialisers run) whose injection points
 * ({@link Inject}, {@link ConfigProperty}) are set; other fields are not copied, because they are state built lazily
 * from the injected ones ({@code TimelineStore}'s buckets hold the hot timelines it was built over, so a copied one
 * would read through replica A's). A bean with constructor injection or a {@link PostConstruct} method cannot be
 * copied so: the copy fails, naming it, and would need handling here.
 */
final class SecondReplica {

    /** The beans a replica reads through its own caches with: the ones that hold them or hold one that does. */
    static final Set<Class<?>> READ_PATH = Set.of(Feeds.class, FeedReader.class, TimelineStore.class,
            MembershipService.class, FollowService.class, AnnouncementService.class, PostViews.class, CommentViews.class,
            HydrationReads.class);

    private final Map<Class<?>, Object> own;
    private final Map<Object, Object> copies = new IdentityHashMap<>();

    private SecondReplica(ReadCaches caches, TimelineCache hotTimelines) {
        this.own = Map.of(ReadCaches.class, caches, TimelineCache.class, hotTimelines);
    }

    /** A replica whose read path keeps what it reads in these caches and hot source timelines. */
    static SecondReplica of(ReadCaches caches, TimelineCache hotTimelines) {
        return new SecondReplica(caches, hotTimelines);
    }

    /** This replica's feeds, copied from replica A's (an injected bean, client proxy or not). */
    Feeds feeds(Feeds replicaA) {
        return (Feeds) copy(replicaA);
    }

    /** Each bean of replica A copied so far → its copy (identity). */
    Map<Object, Object> copies() {
        return Collections.unmodifiableMap(copies);
    }

    /** The bean class of a read-path instance (ArC subclasses an intercepted bean), or null if not a read-path bean. */
    static Class<?> readPathClass(Class<?> type) {
        for (Class<?> k = type; k != null; k = k.getSuperclass()) {
            if (READ_PATH.contains(k)) return k;
        }
        return null;
    }

    private Object copy(Object bean) {
        Object original = ClientProxy.unwrap(bean);
        Object done = copies.get(original);
        if (done != null) return done;
        Class<?> type = readPathClass(original.getClass());
        if (type == null) throw new IllegalArgumentException(original.getClass() + " is not a read-path bean");
        try {
            for (Method m : type.getDeclaredMethods()) {
                if (m.isAnnotationPresent(PostConstruct.class)) {
                    throw new IllegalStateException(type.getName() + "#" + m.getName() + " would have to run on the copy");
                }
            }
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            Object copy = constructor.newInstance();
            copies.put(original, copy); // before its fields: a read-path bean reached again gets this copy
            for (Class<?> k = type; k != Object.class; k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers())) continue;
                    if (!f.isAnnotationPresent(Inject.class) && !f.isAnnotationPresent(ConfigProperty.class)) continue;
                    f.setAccessible(true);
                    f.set(copy, ofThisReplica(f, f.get(original)));
                }
            }
            return copy;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + type.getName() + " (constructor injection?)", e);
        }
    }

    private Object ofThisReplica(Field f, Object value) {
        if (own.containsKey(f.getType())) return own.get(f.getType());
        if (value != null && readPathClass(ClientProxy.unwrap(value).getClass()) != null) return copy(value);
        return value;
    }
}
