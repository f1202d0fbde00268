package io.relais.web.layout;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.cache.CacheResult;
import io.relais.web.services.ProfileApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The name and photo HR gives a person (profile-service owns them; the login token's {@code name} is whatever the
 * identity provider holds), as the header shows them. Kept in the {@code hr-names} cache (five minutes, see
 * application.properties) so a page costs no extra call; a failed call is not cached.
 */
@ApplicationScoped
public class HrNames {

    /** What the header shows: the HR display name (may be empty) and whether a photo exists. */
    public record HrName(String displayName, boolean hasPhoto) {
    }

    @Inject
    @RestClient
    ProfileApi profiles;

    /**
     * @throws jakarta.ws.rs.WebApplicationException or {@link jakarta.ws.rs.ProcessingException} when profile-service
     *                                               refuses or cannot be reached (the caller falls back to the token)
     */
    @CacheResult(cacheName = "hr-names")
    public HrName of(String login) {
        JsonNode person = profiles.person(login);
        return new HrName(person.path("displayName").asText(""), !person.path("photoUrl").asText("").isEmpty());
    }

    /**
     * The person's HR display name, their login when profile-service has none or cannot say. Static, taking the
     * injected bean, so that {@link #of} goes through its cache (a call from inside the bean would not).
     */
    public static String nameOrLogin(HrNames names, String login) {
        try {
            String name = names.of(login).displayName();
            return name.isBlank() ? login : name;
        } catch (RuntimeException unknown) {
            return login;
        }
    }
}
