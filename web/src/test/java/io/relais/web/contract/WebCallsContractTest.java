package io.relais.web.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.relais.web.services.FeedApi;
import io.relais.web.services.LiveApi;
import io.relais.web.services.ProfileApi;
import io.relais.web.services.SearchApi;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web app asks the services only for what they accept, checked against the services' own OpenAPI documents:
 * statically, every method of every REST client (operation, parameter names, body); and in use, every request the
 * pages and actions really send while a person browses (values within bounds, bodies of the right shape), answered
 * by stand-ins that reply with the documents' examples. The dashboard's "limit=100" (feed-service allows 1–50)
 * fails here.
 */
@QuarkusTest
@TestProfile(WebCallsContractTest.AgainstStubs.class)
class WebCallsContractTest {

    static final ServiceStub FEED = ServiceStub.start("feed-service");
    static final ServiceStub PROFILE = ServiceStub.start("profile-service");
    static final ServiceStub SEARCH = ServiceStub.start("search-service");
    static final Map<Class<?>, ServiceStub> CLIENTS = Map.of(FeedApi.class, FEED, LiveApi.class, FEED,
            ProfileApi.class, PROFILE, SearchApi.class, SEARCH);

    /** The web app with its REST clients pointed at the stand-ins. */
    public static class AgainstStubs implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.rest-client.feed.url", FEED.url(), "quarkus.rest-client.live.url", FEED.url(),
                    "quarkus.rest-client.profile.url", PROFILE.url(), "quarkus.rest-client.search.url", SEARCH.url());
        }
    }

    @BeforeEach
    void forget() {
        FEED.clear();
        PROFILE.clear();
        SEARCH.clear();
    }

    @Test
    void everyRestClientMethodIsAnOperationOfItsServiceWithTheParametersItSends() {
        List<String> wrong = new ArrayList<>();
        int methods = 0;
        for (Map.Entry<Class<?>, ServiceStub> client : CLIENTS.entrySet()) {
            for (Method m : client.getKey().getDeclaredMethods()) {
                Optional<String> verb = verb(m);
                if (verb.isEmpty()) {
                    continue;
                }
                methods++;
                wrong.addAll(check(client.getValue().document, client.getKey().getSimpleName() + "." + m.getName(), verb.get(), m));
            }
        }
        assertThat(methods).as("REST client methods checked").isGreaterThan(40);
        assertThat(wrong).isEmpty();
    }

    @Test
    void browsingEveryPageAsksOnlyForWhatTheServicesAccept() {
        for (String page : List.of("/", "/feed/items", "/feed/items?order=relevant", "/communities", "/communities?q=tech",
                "/communities/tech-talk", "/communities/tech-talk/items", "/people", "/people?q=alice", "/people?skill=java",
                "/people/alice", "/people/bob", "/people/alice/items", "/people/me/edit", "/search?q=kafka", "/search?q=kafka&type=post&sort=newest",
                "/suggest?q=%40bo", "/suggest?q=%23kaf", "/suggest?q=kafka", "/dashboard", "/dashboard?q=tech",
                "/dashboard?community=tech-talk&days=7", "/dashboard/export.csv?community=tech-talk&days=90",
                "/notifications", "/notifications/badge", "/posts/p-1", "/posts/p-1/card", "/posts/p-1/edit",
                "/posts/p-1/comments", "/hashtags/atlas", "/hashtags/atlas/items?order=newest",
                "/posts/p-1/comments?cursor=MTA", "/posts/p-1/comments/list", "/notifications/settings", "/welcome")) {
            Response r = as().get(page);
            assertThat(r.statusCode()).as(page + " answered:\n" + r.asString()).isLessThan(500);
        }
        assertThat(FEED.calls()).as("the pages did call feed-service").isNotEmpty();
        assertThat(PROFILE.calls()).as("the pages did call profile-service").isNotEmpty();
        assertThat(SEARCH.calls()).as("the pages did call search-service").isNotEmpty();
        assertThat(violations()).isEmpty();
    }

    @Test
    void openingAThreadTellsFeedServiceInTheShapeItAccepts() {
        as().get("/posts/p-1").then().statusCode(200);
        as().get("/posts/p-1/comments").then().statusCode(200);
        // feed-service's stand-in answers the thread with its documented example, whose post id the web sends back
        assertThat(FEED.calls()).filteredOn(c -> c.startsWith("POST /api/views")).hasSize(2);
        as().get("/posts/p-1/comments?cursor=MTA").then().statusCode(200);
        // the documented example's reader may not edit the post ("can": {"edit": false}): the not-allowed page
        as().get("/posts/p-1/edit").then().statusCode(403);
        assertThat(FEED.calls()).as("a next page or the edit form is not an open").filteredOn(c -> c.startsWith("POST /api/views")).hasSize(2);
        assertThat(violations()).isEmpty();
    }

    @Test
    void everyActionSendsWhatTheServicesAccept() {
        String token = tokenOnPage();
        send(token, "/posts", Map.of("content", "Hello **team**", "audience", ""));
        send(token, "/posts", Map.of("content", "Hello community", "audience", "tech-talk"));
        send(token, "/posts/p-1", Map.of("content", "Edited"));
        send(token, "/posts/p-1/react", Map.of("reaction", "celebrate", "current", ""));
        send(token, "/posts/p-1/react", Map.of("reaction", "like", "current", "like"));
        send(token, "/posts/p-1/comments", Map.of("content", "Nice", "inReplyTo", ""));
        send(token, "/communities", Map.of("name", "Design guild", "slug", "design-guild", "description", "UX", "visibility", "public"));
        for (String action : List.of("join", "leave", "invitation/accept", "invitation/decline", "requests/bob/approve", "requests/bob/reject",
                "invitations/bob/withdraw")) {
            send(token, "/communities/tech-talk/" + action, Map.of());
        }
        send(token, "/communities/tech-talk/invitations", Map.of("login", "bob"));
        // the owners' tools: settings, roles, removal, archive and its undo (DELETE .../archive)
        send(token, "/communities/tech-talk/settings", Map.of("name", "Le coin tech", "description", "Veille", "visibility", "public"));
        send(token, "/communities/tech-talk/members/bob/role", Map.of("role", "moderator"));
        send(token, "/communities/tech-talk/members/bob/remove", Map.of());
        send(token, "/communities/tech-talk/archive", Map.of("confirm", "true"));
        send(token, "/communities/tech-talk/unarchive", Map.of());
        send(token, "/communities/tech-talk/pins", Map.of("post", "urn:relais:post:p-1", "action", "pin"));
        send(token, "/communities/tech-talk/pins", Map.of("post", "urn:relais:post:p-1", "action", "unpin"));
        send(token, "/notifications/read", Map.of("id", "n-1"));
        send(token, "/notifications/read", Map.of());
        send(token, "/notifications/mute", Map.of("kind", "community", "id", "tech-talk"));
        send(token, "/people/alice/follow", Map.of("following", "false"));
        send(token, "/people/alice/follow", Map.of("following", "true"));
        send(token, "/hashtags/atlas/follow", Map.of("following", "false"));
        send(token, "/hashtags/atlas/follow", Map.of("following", "true"));
        send(token, "/people/alice/skills/endorse", Map.of("skill", "java", "endorsed", "false"));
        send(token, "/people/me", Map.of("bio", "Hi", "phone", "+33 1 23", "location", "Lyon", "skills", "java, kafka", "languages", "fr, en"));
        send(token, "/posts/p-1/comments/c-1", Map.of("content", "Edited **comment**"));
        send(token, "/posts", Map.of("content", "Office closed on Friday", "audience", "announcement"));
        send(token, "/posts/p-1/dismiss", Map.of());
        send(token, "/posts/p-1/comments/c-1/react", Map.of("reaction", "insightful", "current", ""));
        send(token, "/posts/p-1/comments/c-1/react", Map.of("reaction", "insightful", "current", "insightful"));
        send(token, "/notifications/unmute", Map.of("kind", "thread", "id", "p-1"));
        send(token, "/welcome/hide", Map.of());
        Response deletedComment = as().header("Sec-Fetch-Site", "same-origin").header("X-CSRF-Token", token).header("HX-Request", "true")
                .delete("/posts/p-1/comments/c-1");
        assertThat(deletedComment.statusCode()).isLessThan(500);
        Response deleted = as().header("Sec-Fetch-Site", "same-origin").header("X-CSRF-Token", token).header("HX-Request", "true").delete("/posts/p-1");
        assertThat(deleted.statusCode()).isLessThan(500);

        assertThat(FEED.calls()).anyMatch(c -> c.startsWith("POST /api/posts")).anyMatch(c -> c.startsWith("DELETE /api/posts/p-1"))
                .anyMatch(c -> c.startsWith("PUT /api/posts/p-1/comments/c-1")).anyMatch(c -> c.startsWith("DELETE /api/notifications/mutes/thread/p-1"))
                .anyMatch(c -> c.startsWith("PUT /api/me/onboarding"))
                .anyMatch(c -> c.equals("PUT /api/communities/tech-talk")).anyMatch(c -> c.equals("PUT /api/communities/tech-talk/members/bob/role"))
                .anyMatch(c -> c.equals("DELETE /api/communities/tech-talk/members/bob"))
                .anyMatch(c -> c.equals("POST /api/communities/tech-talk/archive")).anyMatch(c -> c.equals("DELETE /api/communities/tech-talk/archive"));
        assertThat(violations()).isEmpty();
    }

    @Test
    void theThreadAnswerSaysPerPostAndCommentWhatTheReaderMayDoAsTheWebReadsIt() {
        OpenApiDocument doc = FEED.document;
        OpenApiDocument.Operation thread = doc.byTemplate("GET", "/api/posts/{id}").orElseThrow();
        // the operation documents its answer by example; its parts are the PostView and CommentView schemas
        JsonNode post = doc.resolve(OpenApiDocument.JSON.createObjectNode().put("$ref", "#/components/schemas/PostView"));
        JsonNode comment = doc.resolve(OpenApiDocument.JSON.createObjectNode().put("$ref", "#/components/schemas/CommentView"));
        for (JsonNode item : List.of(post, comment)) {
            JsonNode can = doc.resolve(item.path("properties").path("can"));
            for (String action : List.of("edit", "delete", "moderate")) {
                assertThat(can.path("properties").path(action).path("type").asText()).as("can." + action + " in " + doc.origin)
                        .isEqualTo("boolean");
            }
        }
        JsonNode example = thread.example();
        assertThat(example.path("post").path("can").path("delete").isBoolean()).isTrue();
        assertThat(example.path("comments").path(0).path("can").path("delete").isBoolean()).isTrue();
    }

    @Test
    void theThreadPageOffersDeleteExactlyWhereTheServicesAnswerSaysTheReaderMay() {
        // the document's example: bob's comment, which alice (no author, a moderator there) may delete but not edit
        String html = as().get("/posts/p-1").asString();
        assertThat(html).contains("/comments/019a8f31-0b7e-7f21-8c44-5d2a1e6f9b03\" hx-target=\"#comment-019a8f31-0b7e-7f21-8c44-5d2a1e6f9b03\"")
                .doesNotContain("edit-comment-019a8f31-0b7e-7f21-8c44-5d2a1e6f9b03");
        assertThat(violations()).isEmpty();
    }

    /**
     * feed-service leaves a community out of the notifications of a reader who may not know it exists (its IRI carries
     * its confidential slug) and voices a moderation notice there by the organisation's moderation; its documented
     * list shows both shapes, and the list page renders each of them, as the stand-in answers them, naming and linking
     * no community.
     */
    @Test
    void aNotificationWithoutItsCommunityAsFeedServiceSendsItRendersWithoutACommunityLink() {
        JsonNode items = FEED.document.byTemplate("GET", "/api/notifications").orElseThrow().example().path("items");
        List<JsonNode> unnamed = new ArrayList<>();
        for (JsonNode item : items) {
            if (!item.has("community") && List.of("hidden", "restored", "removed", "invitation", "join-request", "approval")
                    .contains(item.path("kind").asText())) unnamed.add(item);
        }
        assertThat(unnamed).as("notifications about a community left out, in " + FEED.document.origin)
                .extracting(n -> n.path("kind").asText()).contains("hidden", "invitation");
        assertThat(unnamed).filteredOn(n -> n.path("kind").asText().equals("hidden"))
                .allSatisfy(n -> assertThat(n.path("actor").path("iri").asText()).isEqualTo("urn:relais:source:moderation"));

        String html = as().get("/notifications").then().statusCode(200).extract().asString();

        for (JsonNode n : unnamed) {
            int start = html.indexOf("data-id=\"" + n.path("id").asText() + "\"");
            assertThat(start).as("the item of " + n).isNotNegative();
            String item = html.substring(start, html.indexOf("</li>", start));
            assertThat(item).as("the item of " + n).doesNotContain("/communities/", "value=\"community\"");
            if (n.path("kind").asText().equals("invitation")) assertThat(item).contains("a community you no longer see");
        }
        assertThat(violations()).isEmpty();
    }

    private static List<String> violations() {
        List<String> all = new ArrayList<>(FEED.violations());
        all.addAll(PROFILE.violations());
        all.addAll(SEARCH.violations());
        return all;
    }

    private static void send(String token, String path, Map<String, String> form) {
        Response r = as().header("Sec-Fetch-Site", "same-origin").header("X-CSRF-Token", token).header("HX-Request", "true")
                .formParams(form).post(path);
        assertThat(r.statusCode()).as("POST " + path + " answered:\n" + r.asString()).isLessThan(500);
    }

    private static RequestSpecification as() {
        return given().header("X-Test-Login", "alice").header("X-Test-Roles", "employee,community-manager")
                .header("Accept-Language", "en").redirects().follow(false);
    }

    private static String tokenOnPage() {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(as().get("/people/me/edit").asString());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    // --- the static part: REST client methods against the documents ---

    private static List<String> check(OpenApiDocument doc, String name, String verb, Method m) {
        List<String> wrong = new ArrayList<>();
        String template = path(m.getDeclaringClass().getAnnotation(Path.class)) + path(m.getAnnotation(Path.class));
        Optional<OpenApiDocument.Operation> found = doc.byTemplate(verb, template);
        if (found.isEmpty()) {
            wrong.add(name + ": " + doc.service + " has no " + verb + " " + template + " (document: " + doc.origin + ")");
            return wrong;
        }
        OpenApiDocument.Operation op = found.get();
        List<String> sentQuery = new ArrayList<>();
        boolean body = false;
        for (Parameter p : m.getParameters()) {
            QueryParam q = p.getAnnotation(QueryParam.class);
            if (q != null) {
                sentQuery.add(q.value());
                if (op.parameter("query", q.value()).isEmpty()) {
                    wrong.add(name + ": query parameter '" + q.value() + "' is not declared by " + verb + " " + op.template());
                }
            } else if (p.getAnnotation(PathParam.class) == null && p.getAnnotation(HeaderParam.class) == null) {
                body = true;
            }
        }
        for (var declared : op.parameters("query")) {
            if (declared.path("required").asBoolean(false) && !sentQuery.contains(declared.path("name").asText())) {
                wrong.add(name + ": never sends the required query parameter '" + declared.path("name").asText() + "'");
            }
        }
        long placeholders = template.chars().filter(c -> c == '{').count();
        long pathParams = List.of(m.getParameters()).stream().filter(p -> p.getAnnotation(PathParam.class) != null).count();
        if (placeholders != pathParams) {
            wrong.add(name + ": " + placeholders + " path placeholders, " + pathParams + " path parameters");
        }
        if (body && op.bodyMediaTypes().isEmpty()) {
            wrong.add(name + ": sends a body, " + verb + " " + op.template() + " takes none");
        }
        if (!body && op.bodyRequired()) {
            wrong.add(name + ": sends no body, " + verb + " " + op.template() + " requires one");
        }
        if (body && !op.bodyMediaTypes().isEmpty()) {
            Consumes consumes = m.getAnnotation(Consumes.class) != null ? m.getAnnotation(Consumes.class)
                    : m.getDeclaringClass().getAnnotation(Consumes.class);
            String type = consumes == null ? "application/json" : consumes.value()[0];
            if (!type.equals("*/*") && op.bodyMediaTypes().stream().noneMatch(t -> t.equals(type) || t.equals("*/*"))) {
                wrong.add(name + ": sends " + type + ", " + verb + " " + op.template() + " takes " + op.bodyMediaTypes());
            }
        }
        return wrong;
    }

    private static Optional<String> verb(Method m) {
        for (Class<? extends Annotation> a : List.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class)) {
            if (m.isAnnotationPresent(a)) {
                return Optional.of(a.getSimpleName());
            }
        }
        return Optional.empty();
    }

    private static String path(Path p) {
        if (p == null) {
            return "";
        }
        String v = p.value();
        return (v.startsWith("/") ? v : "/" + v).replaceAll("/+$", "");
    }

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }
}
