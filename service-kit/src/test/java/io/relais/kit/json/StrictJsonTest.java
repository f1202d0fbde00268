package io.relais.kit.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relais.events.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The one JSON rule of every service, and the words its refusals use (never Java or Jackson's own). */
class StrictJsonTest {

    enum Visibility { PUBLIC, PRIVATE }

    /** Written in lower case, read through a factory that refuses other words (as feed-service's reaction kinds). */
    enum Kind {
        LIKE, CELEBRATE;

        @com.fasterxml.jackson.annotation.JsonValue
        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        @com.fasterxml.jackson.annotation.JsonCreator
        public static Kind of(String value) {
            return valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }
    }

    record Audience(String community) {
    }

    record PostRequest(String content, Integer limit, Boolean pinned, Double score, Visibility visibility,
                       Instant at, Audience audience, List<String> tags,
                       java.util.Map<String, Object> extra, Kind kind) {
    }

    static final ObjectMapper MAPPER = StrictJson.configure(new ObjectMapper().findAndRegisterModules(), 8, 1000);

    static Violation refusal(String json) {
        try {
            MAPPER.readValue(json, PostRequest.class);
        } catch (JsonProcessingException e) {
            return JsonProblems.violation(e);
        }
        throw new AssertionError("accepted: " + json);
    }

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "{\"content\": 123}                      | content            | must be a string",
            "{\"content\": true}                     | content            | must be a string",
            "{\"content\": 1.5}                      | content            | must be a string",
            "{\"limit\": \"5\"}                      | limit              | must be a whole number",
            "{\"limit\": 1.5}                        | limit              | must be a whole number",
            "{\"limit\": true}                       | limit              | must be a whole number",
            "{\"pinned\": \"true\"}                  | pinned             | must be true or false",
            "{\"pinned\": 1}                         | pinned             | must be true or false",
            "{\"score\": \"1.5\"}                    | score              | must be a number",
            "{\"visibility\": \"secretive\"}         | visibility         | must be one of [PUBLIC, PRIVATE]",
            "{\"kind\": \"<script>\"}               | kind               | must be one of [like, celebrate]",
            "{\"at\": \"yesterday\"}                 | at                 | must be an ISO-8601 date-time, e.g. 2026-11-30T09:00:00Z",
            "{\"audience\": \"c1\"}                  | audience           | must be a JSON object",
            "{\"audience\": {\"community\": 7}}      | audience.community | must be a string",
            "{\"tags\": [\"a\", 2]}                  | tags[1]            | must be a string",
            "{\"tags\": \"a\"}                       | tags               | must be an array",
            "{\"content\": \"a\", \"content\": \"b\"} | content            | is given twice",
            "[]                                      | $                  | must be a JSON object",
    })
    void aValueOfTheWrongTypeIsRefusedNamingTheFieldAndTheRule(String json, String field, String message) {
        assertThat(refusal(json)).isEqualTo(new Violation(field, message));
    }

    @Test
    void brokenJsonSaysWhere() {
        Violation v = refusal("{\"content\": ");
        assertThat(v.field()).isEqualTo("$");
        assertThat(v.message()).startsWith("is not valid JSON");
        assertThat(refusal("{\"content\" \"x\"}").message())
                .isEqualTo("is not valid JSON: a colon (:) must follow a field name (line 1, column 12)");
        assertThat(refusal("{\"content\": \"x\"").message())
                .isEqualTo("is not valid JSON: it ends before the object is closed (line 1, column 16)");
    }

    @Test
    void nestingDeeperThanTheLimitIsRefusedBeforeAnyObjectIsBuilt() {
        String deep = "{\"extra\":" + "{\"a\":".repeat(20) + "1" + "}".repeat(20) + "}";
        assertThat(refusal(deep)).isEqualTo(new Violation("$", "nests objects or arrays deeper than allowed (at most 8 levels)"));
    }

    @Test
    void aTextLongerThanTheLimitIsRefused() {
        assertThat(refusal("{\"content\":\"" + "x".repeat(2000) + "\"}").message()).isEqualTo(
                "holds a text longer than allowed (at most 1000 characters)");
    }

    @Test
    void noRefusalQuotesJavaOrJackson() {
        for (String json : List.of("{\"content\": 123}", "{\"visibility\": 3}", "{\"at\": []}", "{\"audience\": [1]}",
                "{\"limit\": 99999999999999999999}", "nope")) {
            Violation v = refusal(json);
            assertThat(v.message()).doesNotContain("java", "Jackson", "com.fasterxml", "Exception", "io.relais");
        }
    }

    @Test
    void aRequestBodyWithAFieldItsTypeDoesNotKnowIsRefusedNamingTheFieldAndTheKnownOnes() {
        ObjectMapper requests = StrictRequestBodies.strict(MAPPER);
        Violation typo = refusal(requests, "{\"content\":\"Board minutes draft\",\"audiance\":{\"community\":\"atlas\"}}");
        assertThat(typo).isEqualTo(new Violation("audiance", "is not a known field; known fields are at, audience, "
                + "content, extra, kind, limit, pinned, score, tags, visibility"));
        assertThat(refusal(requests, "{\"audience\":{\"comunity\":\"atlas\"}}"))
                .isEqualTo(new Violation("audience.comunity", "is not a known field; known fields are community"));
    }

    @Test
    void theRequestMapperKeepsEveryOtherRule() {
        ObjectMapper requests = StrictRequestBodies.strict(MAPPER);
        assertThat(refusal(requests, "{\"content\": 123}")).isEqualTo(new Violation("content", "must be a string"));
        assertThat(refusal(requests, "{\"content\": \"a\", \"content\": \"b\"}")).isEqualTo(new Violation("content", "is given twice"));
        assertThat(refusal(requests, "{\"extra\":" + "{\"a\":".repeat(20) + "1" + "}".repeat(20) + "}").message())
                .startsWith("nests objects or arrays deeper than allowed");
    }

    @Test
    void theSharedMapperStillReadsAnswersAndEventsWithFieldsItDoesNotKnow() throws Exception {
        StrictRequestBodies.strict(MAPPER);
        Audience a = MAPPER.readValue("{\"community\":\"atlas\",\"addedByANewerService\":true}", Audience.class);
        assertThat(a.community()).isEqualTo("atlas");
    }

    static Violation refusal(ObjectMapper mapper, String json) {
        try {
            mapper.readValue(json, PostRequest.class);
        } catch (JsonProcessingException e) {
            return JsonProblems.violation(e);
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void wellTypedInputIsRead() throws Exception {
        PostRequest r = MAPPER.readValue("{\"content\":\"Bonjour\",\"limit\":5,\"pinned\":true,\"score\":1.5,"
                + "\"visibility\":\"PUBLIC\",\"at\":\"2026-11-30T09:00:00Z\",\"audience\":{\"community\":\"c\"},"
                + "\"tags\":[\"a\"],\"unknown\":1}", PostRequest.class);
        assertThat(r.limit()).isEqualTo(5);
        assertThat(r.audience().community()).isEqualTo("c");
    }
}
