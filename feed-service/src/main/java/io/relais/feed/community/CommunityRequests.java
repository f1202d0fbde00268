package io.relais.feed.community;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the community API. */
public final class CommunityRequests {

    private CommunityRequests() {
    }

    @Schema(example = "{\"slug\":\"tech-talk\",\"name\":\"Le coin tech\",\"description\":\"Veille, retours d'expérience, questions\",\"visibility\":\"public\"}")
    public record CreateCommunity(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,48}[a-z0-9]", message = "must be 3 to 50 lower-case letters, digits or '-'") String slug,
            @NotBlank @Size(max = 80) String name,
            @Size(max = 1000) String description,
            @NotNull Visibility visibility) {
    }

    @Schema(example = "{\"name\":\"Le coin tech\",\"description\":\"Veille et retours d'expérience\",\"visibility\":\"public\"}")
    public record EditCommunity(@Size(min = 1, max = 80) String name, @Size(max = 1000) String description,
                                Visibility visibility) {
    }

    @Schema(example = "{\"login\":\"bob\"}")
    public record Invitation(@NotBlank @Pattern(regexp = "[a-zA-Z0-9][a-zA-Z0-9._-]{0,63}", message = "must be a login") String login) {
    }

    @Schema(example = "{\"role\":\"moderator\"}")
    public record RoleChange(@NotNull Role role) {
    }
}
