package io.relais.search;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Activity;
import io.relais.testing.RelaisTestResources;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static io.relais.search.Events.publish;
import static io.relais.search.Events.unique;
import static io.relais.search.SearchIndexingTest.ids;
import static io.relais.search.SearchIndexingTest.search;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The search box takes what employees type (issue 16, finding F4): everyday text with Lucene's special characters
 * searches instead of answering 400, the documented operators work, and Lucene syntax beyond them (regular
 * expressions, match-all, fuzzy, ranges, fields) is not interpreted.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class QuerySyntaxTest {

    @Test
    void everydayTextSearchesAndOnlyTheDocumentedOperatorsAreInterpreted() {
        String word = "syntaxe" + unique();
        Activity network = Events.orgPost("alice", "<p>" + word + " : notre réseau TCP/IP, le grand serveur, "
                + "une équipe C++ et/ou Java</p>");
        Activity other = Events.orgPost("alice", "<p>" + word + " : un autre sujet, la cantine</p>");
        publish(network);
        publish(other);
        String a = network.object().id();
        String b = other.object().id();
        await().atMost(Events.WAIT).untilAsserted(() -> assertThat(ids("bob", word)).containsExactlyInAnyOrder(a, b));

        assertThat(ids("bob", word + " TCP/IP")).containsExactly(a);
        assertThat(ids("bob", word + " and/or")).isNotNull();
        assertThat(ids("bob", word + " et/ou")).containsExactly(a);
        assertThat(ids("bob", word + " C++")).containsExactly(a);
        assertThat(ids("bob", word + " \"grand serveur\"")).containsExactly(a);
        assertThat(ids("bob", word + " \"serveur cantine\"")).isEmpty();
        assertThat(ids("bob", word + " -serveur")).containsExactly(b);
        assertThat(ids("bob", word + " NOT serveur")).containsExactly(b);
        assertThat(ids("bob", word + " (serveur OR cantine)")).containsExactlyInAnyOrder(a, b);
        assertThat(ids("bob", word.substring(0, word.length() - 2) + "*")).containsExactlyInAnyOrder(a, b);

        // stray or lone operators are ordinary text, never a 400
        for (String q : new String[]{"\"unclosed AND (", "foo(", "-", "NOT", "OR", ")", "\\", "a:", "[", "{x TO", "[a TO z]", "a~2 AND b[1 TO z]"}) {
            search("bob", q).then().statusCode(200);
        }

        // syntax beyond the documented operators is not interpreted
        String misspelt = word.substring(0, word.length() - 1) + "q";
        assertThat(ids("bob", misspelt + "~2")).as("fuzzy").isEmpty();
        assertThat(total(search("bob", "/.*/"))).as("regular expression").isZero();
        assertThat(total(search("bob", "*:*"))).as("match all").isZero();
        assertThat(total(search("bob", "content_plain:" + word))).as("field query").isZero();
    }

    private static int total(Response r) {
        r.then().statusCode(200);
        return r.jsonPath().getInt("total");
    }
}
