package io.relais.search.index;

import io.relais.events.Activity;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.events.Audience;
import io.relais.events.Iri;
import io.relais.events.RelaisExtension;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.search.ReferenceManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Card ingest costs no refresh of the searcher (issue 18: each refresh of a changed index writes a segment): a card's
 * Create is checked against the hidden-thread and removed-card markers, which must see a marker written a moment
 * before, so a marker change refreshes the searcher once, and nothing else does. Plain JUnit on a real index, the
 * background refresh set to an hour so that only the index's own refreshes are counted.
 */
class MarkerRefreshTest {

    @TempDir
    Path disk;

    @Test
    void cardsIngestedAfterAMarkerChangeRefreshTheSearcherOnceNotOncePerCard() {
        IndexGeneration g = IndexGeneration.open("m1", disk.resolve("m1"), Duration.ofHours(1), Duration.ofHours(1));
        try {
            AtomicInteger refreshes = new AtomicInteger();
            g.addRefreshListener(new ReferenceManager.RefreshListener() {
                @Override
                public void beforeRefresh() {
                }

                @Override
                public void afterRefresh(boolean didRefresh) {
                    if (didRefresh) refreshes.incrementAndGet();
                }
            });
            Document marker = new Document();
            marker.add(new StringField(Fields.ID, "hidden-thread:urn:relais:post:x", Field.Store.YES));
            g.upsertMarker("hidden-thread:urn:relais:post:x", marker);
            assertThat(g.hasMarker("hidden-thread:urn:relais:post:x")).as("a marker is seen at once").isTrue();

            for (int i = 0; i < 50; i++) Projection.apply(card("c" + i), g, id -> null);

            assertThat(refreshes.get()).as("refreshes for one marker change and 50 cards").isEqualTo(1);
            g.deleteMarker("hidden-thread:urn:relais:post:x");
            assertThat(g.hasMarker("hidden-thread:urn:relais:post:x")).as("a deleted marker is gone at once").isFalse();
        } finally {
            g.close();
        }
    }

    /** A CRM card's Create, addressed to the organisation. */
    static Activity card(String n) {
        AsObject deal = AsObject.builder().id(Iri.of(Iri.BUSINESS_EVENT, "deal-" + n)).type(As2.EVENT)
                .name("Opportunité gagnée " + n).summary("Contrat signé").to(Audience.ORGANISATION)
                .relais(Map.of("business", Map.of("source", "crm", "eventType", "opportunity.won", "system", "salesforce",
                        "sourceEventId", "sf-" + n, "data", Map.of()))).build();
        return Activity.builder().type(As2.CREATE).actor("urn:relais:source:crm.salesforce").object(deal)
                .to(Audience.ORGANISATION).relais(RelaisExtension.builder().build()).build();
    }
}
