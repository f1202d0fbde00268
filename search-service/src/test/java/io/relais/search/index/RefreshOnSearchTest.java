package io.relais.search.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A search never reads an index older than {@code search.refresh-interval}, however slow the background refresh is
 * (issue 18: the background refresh runs at {@code search.background-refresh-interval} so that ingest without searches
 * writes fewer, larger segments). Plain JUnit on a real index; the background refresh is set to an hour, so only the
 * search's own refresh can make the write visible.
 */
class RefreshOnSearchTest {

    @TempDir
    Path disk;

    @Test
    void aSearchFindsAWriteMadeMoreThanTheRefreshIntervalBeforeItWithoutTheBackgroundRefresh() {
        IndexGeneration g = IndexGeneration.open("g1", disk.resolve("g1"), Duration.ofMillis(150), Duration.ofHours(1));
        try {
            Document doc = new Document();
            doc.add(new StringField(Fields.ID, "urn:relais:post:fresh", Field.Store.YES));
            g.upsert("urn:relais:post:fresh", doc);

            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                    .until(() -> found(g, "urn:relais:post:fresh") == 1);
        } finally {
            g.close();
        }
    }

    @Test
    void searchesWithinTheRefreshIntervalReuseTheSearcher() {
        IndexGeneration g = IndexGeneration.open("g2", disk.resolve("g2"), Duration.ofHours(1), Duration.ofHours(1));
        try {
            Document doc = new Document();
            doc.add(new StringField(Fields.ID, "urn:relais:post:later", Field.Store.YES));
            g.upsert("urn:relais:post:later", doc);

            assertThat(found(g, "urn:relais:post:later")).as("not refreshed for a search inside the interval").isZero();
            g.refreshNow();
            assertThat(found(g, "urn:relais:post:later")).isEqualTo(1);
        } finally {
            g.close();
        }
    }

    private static int found(IndexGeneration g, String id) {
        Integer n = g.read(searcher -> searcher.count(new TermQuery(new Term(Fields.ID, id))));
        return n;
    }
}
