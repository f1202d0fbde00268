package io.relais.search;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Activity;
import io.relais.events.Iri;
import io.relais.events.Tag;
import io.relais.testing.RelaisTestResources;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.relais.search.Events.publish;
import static io.relais.search.Events.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code @login} in a query follows the one login rule (issue 13): an e-mail-shaped login is one mention. */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class MentionSearchTest {

    @Test
    void anEmailShapedLoginIsSearchedAsItselfNotAsItsLocalPart() {
        String u = unique();
        String full = "x" + u + "@corp.example";
        String local = "x" + u;
        String plus = "a" + u + "+b";
        Activity toFull = Events.orgPost("alice", "<p>pour @" + full + "</p>", Tag.mention(Iri.person(full), full));
        Activity toLocal = Events.orgPost("alice", "<p>pour @" + local + "</p>", Tag.mention(Iri.person(local), local));
        Activity toPlus = Events.orgPost("alice", "<p>pour @" + plus + "</p>", Tag.mention(Iri.person(plus), plus));
        publish(toFull);
        publish(toLocal);
        publish(toPlus);

        // the three posts are indexed in the order published; wait for each rather than for the first
        await().atMost(Events.WAIT).untilAsserted(() -> {
            assertThat(Api.ids("bob", Map.of("q", "@" + full))).containsExactly(toFull.object().id());
            assertThat(Api.ids("bob", Map.of("q", "@" + full.toUpperCase()))).containsExactly(toFull.object().id());
            assertThat(Api.ids("bob", Map.of("q", "@" + local))).containsExactly(toLocal.object().id());
            assertThat(Api.ids("bob", Map.of("q", "@" + plus))).containsExactly(toPlus.object().id());
        });
    }
}
