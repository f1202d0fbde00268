package io.relais.search.suggest;

import io.relais.kit.error.ProblemException;
import io.relais.kit.identity.CurrentPerson;
import io.relais.kit.identity.Roles;
import io.relais.search.index.ItemType;
import io.relais.search.query.QueryParams;
import io.relais.search.query.Viewers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

@Path("/api/search/suggest")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "search")
public class SuggestResource {

    static final int MAX = 20;

    @Inject
    Suggestions suggestions;

    @Inject
    Viewers viewers;

    @Inject
    CurrentPerson person;

    public record SuggestionList(List<Suggestion> suggestions) {
    }

    @GET
    @RolesAllowed({Roles.EMPLOYEE, Roles.ADMIN})
    @Operation(summary = "Suggestions as you type", description = "People, communities and hashtags whose name starts "
            + "with the typed words; never a secret community, or a hashtag used only there, unless the caller is a member.")
    public SuggestionList suggest(
            @Parameter(description = "What was typed so far", example = "des") @QueryParam("q") String q,
            @Parameter(description = "Comma-separated among person, community, hashtag (default: all)", example = "person,community")
            @QueryParam("types") String types,
            @Parameter(description = "At most this many per type, 1 to 20 (default 8)", example = "8") @QueryParam("limit") String limit) {
        int n = QueryParams.limit(limit, "limit", 8, MAX);
        q = QueryParams.text(q);
        types = QueryParams.text(types);
        if (q != null && q.length() > 100) throw ProblemException.invalid("q", "must be at most 100 characters");
        Set<ItemType> kinds = EnumSet.noneOf(ItemType.class);
        boolean hashtags = false;
        List<String> wanted = types == null || types.isBlank() ? List.of("person", "community", "hashtag")
                : List.of(types.split(","));
        for (String t : wanted) {
            switch (t.trim()) {
                case "person" -> kinds.add(ItemType.PERSON);
                case "community" -> kinds.add(ItemType.COMMUNITY);
                case "hashtag" -> hashtags = true;
                default -> throw ProblemException.invalid("types", "must be among person, community, hashtag");
            }
        }
        return new SuggestionList(suggestions.suggest(q, kinds, hashtags, n, viewers.of(person)));
    }
}
