package io.relais.web.people;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.relais.web.WebConfig;
import io.relais.web.layout.FollowButton;
import io.relais.web.layout.HrNames;
import io.relais.web.layout.Me;
import io.relais.web.layout.Pages;
import io.relais.web.services.FeedApi;
import io.relais.web.services.ProfileApi;
import io.relais.web.services.SearchApi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * People: the directory and "who knows X", a person's page (profile, org chart, skills with
 * endorsements, their posts), editing one's own profile and photo.
 */
@Path("/people")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"employee", "admin"})
public class PeoplePages {

    @Inject
    Pages pages;

    @Inject
    Me me;

    @Inject
    WebConfig config;

    @Inject
    FollowButton followButton;

    @Inject
    HrNames hrNames;

    @Inject
    @RestClient
    ProfileApi profiles;

    @Inject
    @RestClient
    FeedApi feed;

    @Inject
    @RestClient
    SearchApi search;

    @Inject
    @Location("people/directory.html")
    Template directory;

    @Inject
    @Location("people/profile.html")
    Template profile;

    @Inject
    @Location("people/edit.html")
    Template editForm;

    /** The directory; with {@code skill}, who knows it (endorsed skills first, then who writes about it). */
    @GET
    public TemplateInstance directory(@QueryParam("skill") String skill, @QueryParam("q") String q,
                                      @QueryParam("cursor") String cursor) {
        String wanted = skill == null ? "" : skill.strip();
        String query = io.relais.web.search.QueryLength.clip(q);
        TemplateInstance page = pages.of(directory).data("nav", "people").data("skill", wanted).data("q", query);
        if (!wanted.isEmpty()) {
            return page.data("experts", profiles.whoKnows(wanted, 20))
                    .data("writers", orMissing(() -> search.people(wanted, 10)).path("contributors"))
                    .data("people", MissingNode.getInstance());
        }
        if (!query.isEmpty()) {
            return page.data("people", MissingNode.getInstance()).data("found", search.people(query, 30))
                    .data("experts", MissingNode.getInstance()).data("writers", MissingNode.getInstance());
        }
        return page.data("people", profiles.directory(null, null, cursor, 50))
                .data("experts", MissingNode.getInstance()).data("writers", MissingNode.getInstance());
    }

    @GET
    @Path("{login}")
    public TemplateInstance person(@PathParam("login") String login) {
        JsonNode person = profiles.person(login);
        return pages.of(profile).data("nav", login.equals(me.login()) ? "profile" : "people")
                .data("emptyText", noPosts(login, person))
                .data("person", person)
                .data("spoken", LanguageChoices.named(ProfileForm.of(person).languages(), java.util.Set.of(), pages.locale()))
                .data("mine", login.equals(me.login()))
                .data("follow", FollowButton.Form.onPage(followAction(login), !login.equals(me.login()) && follows(login), false))
                .data("chain", orMissing(() -> profiles.managerChain(login)))
                .data("reports", orMissing(() -> profiles.reports(login)))
                .data("page", orMissing(() -> feed.personFeed(login, null, config.pageSize())))
                .data("more", "/people/" + login + "/items?order=newest");
    }

    @GET
    @Path("{login}/items")
    public TemplateInstance items(@PathParam("login") String login, @QueryParam("cursor") String cursor) {
        return pages.of(pages.template("feed/items.html")).data("page", feed.personFeed(login, cursor, config.pageSize()))
                .data("more", "/people/" + login + "/items?order=newest").data("emptyText", noPosts(login, null));
    }

    /** A person's page without posts says so about them (never the home feed's "join a community" advice). */
    private String noPosts(String login, JsonNode person) {
        if (login.equals(me.login())) {
            return pages.msg().noPostsOfMine();
        }
        String name = person == null ? "" : person.path("displayName").asText("");
        return pages.msg().noPostsYet(name.isBlank() ? login : name);
    }

    /**
     * Photos come from profile-service with the reader's token, on the web app's own origin, under its cache rule:
     * {@code private, no-cache} with the photo's ETag, so the browser asks before each use (its If-None-Match passed
     * on; a 304 answered without the image) and a changed or erased person's photo is never shown from its cache. A
     * {@code max-age} here had kept an erased person's photo on screen for five minutes after profile-service said 404.
     */
    @GET
    @Path("{login}/photo")
    @Produces(MediaType.WILDCARD)
    public Response photo(@PathParam("login") String login, @HeaderParam("If-None-Match") String ifNoneMatch) {
        try (Response upstream = profiles.photo(login, ifNoneMatch)) {
            Response.ResponseBuilder answer = upstream.getStatus() == Response.Status.NOT_MODIFIED.getStatusCode()
                    ? Response.notModified()
                    : Response.ok(upstream.readEntity(byte[].class), upstream.getMediaType());
            String etag = upstream.getHeaderString(HttpHeaders.ETAG);
            if (etag != null) answer.header(HttpHeaders.ETAG, etag);
            return answer.header(HttpHeaders.CACHE_CONTROL, "private, no-cache").build();
        }
    }

    /**
     * "Download my data": profile-service's export of the signed-in person, fetched with their token and passed through
     * with its file name (the browser never holds the token).
     */
    @GET
    @Path("me/export")
    @Produces("application/zip")
    public Response export() {
        try (Response upstream = profiles.export(me.login())) {
            String disposition = upstream.getHeaderString("Content-Disposition");
            return Response.ok(upstream.readEntity(byte[].class), "application/zip")
                    .header("Content-Disposition", disposition != null ? disposition : "attachment; filename=\"relais-export.zip\"")
                    .header("Cache-Control", "no-store").build();
        }
    }

    @GET
    @Path("me/edit")
    public TemplateInstance edit() {
        return editPage(ProfileForm.of(profiles.person(me.login())));
    }

    /** The form, with the languages as choices labelled in the reader's language ({@link LanguageChoices}). */
    private TemplateInstance editPage(ProfileForm form) {
        return pages.of(editForm).data("nav", "profile").data("form", form)
                .data("languages", LanguageChoices.of(form.languages(), form.refusedLanguages(), pages.locale()));
    }

    /**
     * Saves one's own profile, then the photo if one was chosen. When profile-service refuses what was typed (a 4xx
     * other than 401/403/404: its 400 problem+json names the fields), the form comes back with what was typed and each
     * refused field explained under its label, in the reader's language (422); nothing typed is lost.
     */
    @POST
    @Path("me")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response save(@RestForm String bio, @RestForm String phone, @RestForm String location,
                         @RestForm String skills, @RestForm List<String> languages, @RestForm("photo") FileUpload photo) {
        // one value per ticked language (a BCP 47 tag); a client that sends them comma-separated is read the same
        List<String> chosen = new ArrayList<>();
        if (languages != null) {
            languages.forEach(value -> Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .filter(s -> !chosen.contains(s)).forEach(chosen::add));
        }
        ObjectNode changes = JsonNodeFactory.instance.objectNode();
        changes.put("bio", blankToNull(bio));
        changes.put("phone", blankToNull(phone));
        changes.put("location", blankToNull(location));
        changes.set("skills", list(skills));
        changes.set("languages", JsonNodeFactory.instance.arrayNode().addAll(chosen.stream()
                .map(JsonNodeFactory.instance::textNode).toList()));
        try {
            profiles.editMe(changes);
            if (photo != null && photo.size() > 0) {
                try {
                    profiles.uploadPhoto(Files.readAllBytes(photo.uploadedFile()), photo.contentType());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        } catch (ClientWebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            if (status < 400 || status >= 500 || status == 401 || status == 403 || status == 404) {
                throw e; // access or outage: the error pages say it
            }
            ProfileForm form = ProfileForm.refused(bio, phone, location, skills, chosen, ProfileForm.problemOf(e),
                    io.quarkus.qute.i18n.MessageBundles.get(ProfileMsg.class,
                            io.quarkus.qute.i18n.Localized.Literal.of(pages.locale().getLanguage())));
            return Response.status(422).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(editPage(form).render()).build();
        }
        return Response.seeOther(URI.create("/people/" + me.login())).build();
    }

    /** Endorsing a skill one already endorsed withdraws it. */
    @POST
    @Path("{login}/skills/endorse")
    public Response endorse(@PathParam("login") String login, @RestForm String skill, @RestForm boolean endorsed) {
        if (endorsed) {
            profiles.withdrawEndorsement(login, skill);
        } else {
            profiles.endorse(login, skill);
        }
        return Response.seeOther(URI.create("/people/" + login + "#skills")).build();
    }

    @POST
    @Path("{login}/follow")
    public Response follow(@PathParam("login") String login, @RestForm boolean following, @HeaderParam("HX-Request") String htmx) {
        if (following) {
            feed.unfollow("person", login);
        } else {
            feed.follow("person", login);
        }
        return followButton.answer(htmx, FollowButton.Form.onPage(followAction(login), !following, false), displayName(login),
                URI.create("/people/" + login));
    }

    private static String followAction(String login) {
        return "/people/" + login + "/follow";
    }

    private String displayName(String login) {
        return HrNames.nameOrLogin(hrNames, login);
    }

    /** Whether I follow this person (feed-service's list of what I follow; unknown counts as not following). */
    private boolean follows(String login) {
        for (JsonNode person : orMissing(feed::myFollows).path("persons")) {
            if (login.equalsIgnoreCase(person.path("login").asText())) {
                return true;
            }
        }
        return false;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static ArrayNode list(String commaSeparated) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        if (commaSeparated != null) {
            Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct()
                    .forEach(list::add);
        }
        return list;
    }

    private static JsonNode orMissing(Supplier<JsonNode> call) {
        try {
            JsonNode answer = call.get();
            return answer == null ? MissingNode.getInstance() : answer;
        } catch (ClientWebApplicationException | jakarta.ws.rs.ProcessingException e) {
            return MissingNode.getInstance();
        }
    }
}
