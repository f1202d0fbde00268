package io.relais.feed.feedview;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Iri;
import io.relais.feed.community.MembershipService;
import io.relais.feed.hottimeline.HotTimelines;
import io.relais.feed.hottimeline.HotTimelinesConfig;
import io.relais.feed.readcache.ReadCacheConfig;
import io.relais.feed.readcache.ReadCaches;
import io.relais.feed.timeline.FanOutConfig;
import io.relais.feed.timeline.TimelineCache;
import io.relais.testing.RelaisTestResources;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link ReadCachesAcrossReplicasTest} believes of its replica B: the copied read path reads through B's caches
 * only, with one copy of each read-path bean, and takes nothing from replica A but the app's beans and config.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class SecondReplicaTest {

    @Inject
    Feeds replicaA;

    @Inject
    MembershipService membershipOfA;

    @Inject
    ReadCaches cachesOfA;

    @Inject
    TimelineCache hotOfA;

    @Inject
    ReadCacheConfig readCacheConfig;

    @Inject
    HotTimelinesConfig hotTimelinesConfig;

    @Inject
    FanOutConfig fanOut;

    @Test
    void everyReadPathBeanIsCopiedOnceAndTheCopiesPointToEachOther() {
        ReadCaches cachesOfB = new ReadCaches(readCacheConfig, new SimpleMeterRegistry());
        SecondReplica b = SecondReplica.of(cachesOfB, new HotTimelines(hotTimelinesConfig, fanOut.bucketCapacity(), null,
                cachesOfB));
        Feeds feedsOfB = b.feeds(replicaA);

        Map<Object, Object> copies = b.copies();
        assertThat(copies.values()).extracting(Object::getClass).containsExactlyInAnyOrderElementsOf(SecondReplica.READ_PATH);
        assertThat(copies.get(ClientProxy.unwrap(replicaA))).isSameAs(feedsOfB);
        Set<Object> copied = identitySet(copies.values());
        eachField(copies.values(), (f, value) -> {
            if (value != null && SecondReplica.readPathClass(ClientProxy.unwrap(value).getClass()) != null) {
                assertThat(copied).as(f + " points to a copy").contains(value);
            }
        });
    }

    @Test
    void theCopiesHoldReplicaBsCachesAndShareOnlyTheAppsBeansAndConfigWithReplicaA() {
        // replica A has read once, so its timelines hold what they built over its caches
        replicaA.home(membershipOfA.readerOf(Iri.person("second-replica-reader")), Feeds.NEWEST, null, 10);
        ReadCaches cachesOfB = new ReadCaches(readCacheConfig, new SimpleMeterRegistry());
        HotTimelines hotOfB = new HotTimelines(hotTimelinesConfig, fanOut.bucketCapacity(), null, cachesOfB);
        SecondReplica b = SecondReplica.of(cachesOfB, hotOfB);
        b.feeds(replicaA);

        List<Object> held = new ArrayList<>();
        b.copies().forEach((original, copy) -> eachField(List.of(copy), (f, value) -> {
            if (value == null) return;
            held.add(value);
            assertThat(value).as(f.toString()).isNotSameAs(cachesOfA).isNotSameAs(hotOfA);
            if (value == read(f, original)) {
                assertThat(value instanceof String || Arc.container().select(f.getType()).isResolvable())
                        .as(f + " shares " + value.getClass() + " with replica A, which is neither a bean of the app nor config")
                        .isTrue();
            }
        }));
        assertThat(held).as("B's caches and hot timelines are used").contains(cachesOfB, hotOfB);
    }

    /** Every instance field of each object (superclasses' included) with its value. */
    private static void eachField(Iterable<Object> objects, BiConsumer<Field, Object> check) {
        for (Object o : objects) {
            for (Class<?> k = o.getClass(); k != Object.class; k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers())) check.accept(f, read(f, o));
                }
            }
        }
    }

    private static Object read(Field f, Object o) {
        try {
            f.setAccessible(true);
            return f.get(o);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<Object> identitySet(Iterable<Object> objects) {
        Set<Object> set = Collections.newSetFromMap(new IdentityHashMap<>());
        objects.forEach(set::add);
        return set;
    }
}
