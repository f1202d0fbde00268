package io.relais.web.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.relais.web.layout.Msg;
import io.relais.web.layout.Pages;
import io.relais.web.services.SearchApi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * Suggestions as one types: {@code @bo} → people, {@code #kaf} → hashtags, anything else → search
 * terms. Answers a listbox fragment; an unavailable service simply suggests nothing.
 */
@Path("/suggest")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"employee", "admin"})
public class Suggestions {

    private static final Logger LOG = Logger.getLogger(Suggestions.class);
    private static final int MAX = 8;

    @Inject
    Pages pages;

    @Inject
    @RestClient
    SearchApi search;

    @Inject
    @Location("search/suggestions.html")
    Template suggestions;

    @GET
    public TemplateInstance suggest(@QueryParam("q") String q) {
        String typed = q == null ? "" : q.strip();
        List<Suggestion> found = new ArrayList<>();
        if (typed.length() >= 2) {
            char sigil = typed.charAt(0);
            String prefix = sigil == '@' || sigil == '#' ? typed.substring(1) : typed;
            String kind = sigil == '@' ? "person" : sigil == '#' ? "hashtag" : null;
            try {
                collect(search.suggest(prefix, kind, MAX), sigil, found, pages.msg());
            } catch (RuntimeException unavailable) {
                LOG.debugf("search suggestions unavailable: %s", unavailable.getMessage());
            }
            if (found.isEmpty() && sigil == '@') {
                try {
                    collect(search.people(prefix + "*", MAX), sigil, found, pages.msg());
                } catch (RuntimeException unavailable) {
                    LOG.debugf("directory unavailable: %s", unavailable.getMessage());
                }
            }
        }
        return pages.of(suggestions).data("items", found.size() > MAX ? found.subList(0, MAX) : found);
    }

    private static void collect(JsonNode answer, char sigil, List<Suggestion> into, Msg msg) {
        JsonNode list = answer.has("suggestions") ? answer.get("suggestions") : answer.path("people");
        for (JsonNode s : list) {
            // search-service: {type, id (an IRI), label, detail, uses (hashtags)}; the directory: {login, displayName, title}
            String id = s.path("id").asText("");
            String value = s.path("login").asText(id.isEmpty() ? s.path("label").asText("") : id.substring(id.lastIndexOf(':') + 1));
            if (value.isEmpty()) {
                continue;
            }
            String label = s.path("label").asText(s.path("displayName").asText(s.path("name").asText(value)));
            String detail = s.path("detail").asText(s.path("title").asText(null));
            if ("hashtag".equals(s.path("type").asText()) && s.path("uses").canConvertToLong()) {
                // search-service's detail is English ("12 uses"): the count is worded in the reader's language
                detail = msg.hashtagUses(s.path("uses").asLong());
            }
            String insert = sigil == '@' || sigil == '#' ? sigil + value : label;
            into.add(new Suggestion(insert, label, detail));
        }
    }

    @io.quarkus.qute.TemplateData
    public record Suggestion(String insert, String label, String detail) {
    }
}
