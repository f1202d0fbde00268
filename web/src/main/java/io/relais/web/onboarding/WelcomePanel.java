package io.relais.web.onboarding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.relais.web.layout.Me;
import io.relais.web.layout.Msg;
import io.relais.web.layout.HrNames;
import io.relais.web.layout.Pages;
import io.relais.web.layout.StatusMsg;
import io.relais.web.services.FeedApi;
import io.relais.web.services.ProfileApi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.ClientWebApplicationException;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The welcome panel a new employee finds on the home page (loaded by htmx from {@code GET /welcome}, so the feed
 * never waits for it) until they hide it or have done what it proposes: complete their profile (it names the
 * fields still empty, from profile-service), join a community (public ones not joined yet, the most populated
 * first — feed-service's directory does not rank by activity) and follow colleagues (their manager and the
 * people who share that manager or their department, from profile-service's org chart and directory).
 * Join and Follow answer with the panel again, so it shrinks as the person goes; the community just joined or the
 * colleague just followed stays in that answer as "Member ✓" / "Following ✓" under the pressed button's id, so htmx
 * keeps the focus there (the reactions' and follow buttons' mechanism), and {@code #flash} says what happened
 * ({@code feed/done}). Hiding answers only that sentence: the panel goes, and the page's script moves the focus to the
 * main region rather than leaving it on {@code <body>}.
 *
 * <p>Hiding is kept by feed-service with the person's notification settings ({@code PUT /api/me/onboarding}), so the
 * panel stays hidden in every browser, after logout and login. When feed-service cannot say, the panel is shown (it
 * is only a suggestion, and the page never fails for it).
 */
@Path("/welcome")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"employee", "admin"})
public class WelcomePanel {

    /** Suggestions shown per kind. */
    static final int SUGGESTIONS = 4;

    @Inject
    Pages pages;

    @Inject
    Me me;

    @Inject
    @RestClient
    FeedApi feed;

    @Inject
    @RestClient
    ProfileApi profiles;

    @Inject
    HrNames hrNames;

    @Inject
    @Location("onboarding/welcome.html")
    Template panel;

    @Inject
    @Location("feed/done.html")
    Template done;

    /** The panel, or nothing (an empty 200, so htmx swaps the placeholder away) once hidden or done. */
    @GET
    public String panel() {
        if (orMissing(feed::onboarding).path("dismissed").asBoolean(false)) {
            return "";
        }
        return render("", "");
    }

    @POST
    @Path("join/{slug}")
    public Response join(@PathParam("slug") String slug, @HeaderParam("HX-Request") String htmx) {
        feed.join(slug);
        if (htmx == null) {
            return Response.seeOther(URI.create("/")).build();
        }
        String name = orMissing(() -> feed.community(slug)).path("name").asText(slug);
        return answer(render(slug, ""), words().joined(name));
    }

    @POST
    @Path("follow/{login}")
    public Response follow(@PathParam("login") String login, @HeaderParam("HX-Request") String htmx) {
        feed.follow("person", login);
        if (htmx == null) {
            return Response.seeOther(URI.create("/")).build();
        }
        return answer(render("", login), words().followed(displayName(login)));
    }

    @POST
    @Path("hide")
    public Response hide(@HeaderParam("HX-Request") String htmx) {
        feed.setOnboarding(JsonNodeFactory.instance.objectNode().put("dismissed", true));
        return htmx != null ? answer("", words().welcomeHidden()) : Response.seeOther(URI.create("/")).build();
    }

    /** The panel (or nothing, when it is gone) and the sentence for the status region, out of band. */
    private Response answer(String panelHtml, String sentence) {
        return Response.ok(panelHtml + pages.of(done).data("done", sentence).render(),
                MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    private StatusMsg words() {
        return io.quarkus.qute.i18n.MessageBundles.get(StatusMsg.class,
                io.quarkus.qute.i18n.Localized.Literal.of(pages.locale().getLanguage()));
    }

    private String displayName(String login) {
        return HrNames.nameOrLogin(hrNames, login);
    }

    /**
     * @param joined   the community just joined ("" for none): it stays listed, as joined
     * @param followed the colleague just followed ("" for none): they stay listed, as followed
     */
    private String render(String joined, String followed) {
        JsonNode person = orMissing(() -> profiles.person(me.login()));
        List<String> missing = missingFields(person, pages.msg());
        List<JsonNode> communities = suggestedCommunities(joined);
        List<JsonNode> colleagues = suggestedColleagues(person, followed);
        boolean joinedOne = communities.isEmpty() || memberOfAny();
        boolean followsOne = !orMissing(feed::myFollows).path("persons").isEmpty();
        if (missing.isEmpty() && joinedOne && followsOne) {
            return "";
        }
        return pages.of(panel).data("person", person).data("missing", String.join(", ", missing))
                .data("profileDone", missing.isEmpty()).data("communities", communities).data("colleagues", colleagues)
                .data("joined", joined).data("followed", followed).render();
    }

    /** The profile fields a colleague would look for that are still empty, in the reader's words. */
    static List<String> missingFields(JsonNode person, Msg msg) {
        List<String> missing = new ArrayList<>();
        if (person.isMissingNode()) {
            return missing;
        }
        if (person.path("photoUrl").asText("").isEmpty()) missing.add(msg.fieldPhoto());
        if (person.path("bio").asText("").isBlank()) missing.add(msg.fieldBio());
        if (person.path("skills").isEmpty()) missing.add(msg.fieldSkills());
        if (person.path("languages").isEmpty()) missing.add(msg.fieldLanguages());
        if (person.path("location").asText("").isBlank()) missing.add(msg.fieldLocation());
        if (person.path("phone").asText("").isBlank()) missing.add(msg.fieldPhone());
        return missing;
    }

    private List<JsonNode> suggestedCommunities(String joined) {
        List<JsonNode> open = new ArrayList<>();
        for (JsonNode c : orMissing(() -> feed.communities(null, FeedApi.MAX_PAGE))) {
            if ("public".equals(c.path("visibility").asText()) && !c.path("archived").asBoolean()
                    && (!Set.of("member", "pending").contains(c.path("myStatus").asText()) || joined.equals(c.path("slug").asText()))) {
                open.add(c);
            }
        }
        open.sort(Comparator.comparingLong((JsonNode c) -> c.path("memberCount").asLong()).reversed());
        return open.subList(0, Math.min(SUGGESTIONS, open.size()));
    }

    private boolean memberOfAny() {
        for (JsonNode c : orMissing(() -> feed.communities(null, FeedApi.MAX_PAGE))) {
            if ("member".equals(c.path("myStatus").asText())) {
                return true;
            }
        }
        return false;
    }

    /** My manager, then who shares my manager, then my department; not me, not whom I follow already, not who left. */
    private List<JsonNode> suggestedColleagues(JsonNode person, String followedNow) {
        Set<String> followed = new java.util.HashSet<>();
        orMissing(feed::myFollows).path("persons").forEach(p -> followed.add(p.path("login").asText()));
        Map<String, JsonNode> found = new LinkedHashMap<>();
        String manager = person.path("manager").asText("");
        if (!manager.isEmpty()) {
            JsonNode chain = orMissing(() -> profiles.managerChain(me.login()));
            if (chain.size() > 0) {
                found.putIfAbsent(chain.get(0).path("login").asText(), chain.get(0));
            }
            orMissing(() -> profiles.reports(manager)).forEach(p -> found.putIfAbsent(p.path("login").asText(), p));
        }
        String department = person.path("department").asText("");
        if (!department.isEmpty()) {
            orMissing(() -> profiles.directory(department, null, null, 20)).path("items")
                    .forEach(p -> found.putIfAbsent(p.path("login").asText(), p));
        }
        List<JsonNode> colleagues = new ArrayList<>();
        for (JsonNode p : found.values()) {
            String login = p.path("login").asText("");
            if (!login.isEmpty() && !login.equals(me.login()) && (!followed.contains(login) || login.equals(followedNow))
                    && !"left".equals(p.path("status").asText())
                    && colleagues.size() < SUGGESTIONS) {
                colleagues.add(p);
            }
        }
        return colleagues;
    }

    /** A part of the panel a service cannot give now is left out rather than failing the home page. */
    private static JsonNode orMissing(Supplier<JsonNode> call) {
        try {
            JsonNode answer = call.get();
            return answer == null ? MissingNode.getInstance() : answer;
        } catch (ClientWebApplicationException | jakarta.ws.rs.ProcessingException e) {
            return MissingNode.getInstance();
        }
    }
}
