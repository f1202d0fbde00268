package io.relais.web.community;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.web.services.ProfileApi;
import io.relais.web.services.SearchApi;
import org.jboss.resteasy.reactive.ClientWebApplicationException;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The person picker of invitations: a name as people type it becomes one colleague's login, or nobody.
 * Suggestions come from search-service's people index ({@code GET /api/search/people}); a login typed as such
 * is believed only when profile-service knows it ({@code GET /api/people/{login}}), which owns who exists.
 */
final class PersonPicker {

    /** Most suggestions shown under the field. */
    static final int SUGGESTIONS = 8;

    /** feed-service's invitation rule for a login (CommunityRequests.Invitation). */
    private static final Pattern LOGIN = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]{0,63}");

    /** Query syntax of search-service that a typed name must not carry into the query. */
    private static final Pattern QUERY_SYNTAX = Pattern.compile("[\"*():^~\\[\\]{}!\\\\/+&|-]");

    private PersonPicker() {
    }

    /**
     * The one colleague {@code typed} names: a known login (with or without {@code @}), else the person whose
     * display name equals it (accents and case aside), else the single person the search finds. Empty when the
     * text names nobody or several people equally.
     */
    static Optional<String> resolve(String typed, SearchApi search, ProfileApi profiles) {
        String text = typed == null ? "" : typed.strip().replaceFirst("^@", "");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (LOGIN.matcher(text).matches()) {
            try {
                JsonNode person = profiles.person(text);
                String login = person.path("login").asText("");
                if (!login.isEmpty()) {
                    return Optional.of(login);
                }
            } catch (ClientWebApplicationException | jakarta.ws.rs.ProcessingException notAPerson) {
                // not a login profile-service knows: try it as a name
            }
        }
        List<JsonNode> found = find(text, false, search);
        for (JsonNode p : found) {
            if (folded(p.path("name").asText()).equals(folded(text))) {
                return Optional.of(p.path("login").asText());
            }
        }
        return found.size() == 1 ? Optional.of(found.get(0).path("login").asText()) : Optional.empty();
    }

    /** People whose name or profile starts like the typed text (the last word as a prefix); none under 2 characters. */
    static List<JsonNode> suggestions(String typed, SearchApi search) {
        String text = typed == null ? "" : typed.strip().replaceFirst("^@", "");
        return text.length() < 2 ? List.of() : find(text, true, search);
    }

    /** A login's display name for a message, or the login when profile-service cannot say. */
    static String nameOf(String login, ProfileApi profiles) {
        try {
            return profiles.person(login).path("displayName").asText(login);
        } catch (ClientWebApplicationException | jakarta.ws.rs.ProcessingException e) {
            return login;
        }
    }

    private static List<JsonNode> find(String text, boolean prefix, SearchApi search) {
        String words = QUERY_SYNTAX.matcher(text).replaceAll(" ").strip().replaceAll("\\s+", " ");
        if (words.isEmpty()) {
            return List.of();
        }
        List<JsonNode> people = new ArrayList<>();
        try {
            for (JsonNode p : search.people(prefix ? words + "*" : words, SUGGESTIONS).path("people")) {
                if (!p.path("login").asText().isEmpty() && !"left".equals(p.path("status").asText())) {
                    people.add(p);
                }
            }
        } catch (ClientWebApplicationException | jakarta.ws.rs.ProcessingException e) {
            return List.of();
        }
        return people;
    }

    private static String folded(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).strip()
                .replaceAll("\\s+", " ");
    }
}
