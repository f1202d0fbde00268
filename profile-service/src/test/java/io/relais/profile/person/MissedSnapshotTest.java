package io.relais.profile.person;

import com.mongodb.client.MongoClient;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.testing.RelaisTestResources;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.relais.profile.Fixtures.snapshots;
import static io.relais.profile.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class MissedSnapshotTest {

    @Inject
    PersonService people;

    @Inject
    PersonRepository repository;

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Test
    void aWriteWhoseSnapshotNeverReachedTheOutboxIsPublishedAtTheNextStart() {
        String yves = unique("yves");
        // the state a crash between the profile write and its outbox insert leaves behind
        mongo.getDatabase(database).getCollection("people").insertOne(new Document("_id", yves)
                .append("displayName", "Yves Crash").append("title", "Night operator").append("status", "active")
                .append("skills", List.of()).append("languages", List.of()).append("version", 3L).append("publishedVersion", 2L));

        people.recoverAtStartup(null);

        snapshots(yves, 1, r -> r.value() != null && r.value().contains("\"summary\":\"Night operator\""));
        assertThat(repository.unpublished()).doesNotContain(yves);
    }
}
