package io.relais.feed.community;

import io.relais.events.TextHygiene;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Request bodies of the community API. */
public final class CommunityRequests {

    /** Most logins one import may carry (a bigger population is imported in several calls). */
    static final int MAX_IMPORT = 5000;

    /** The local-id rule {@code Iri.person(login)} enforces (letters, digits and {@code . _ ~ @ + -}). */
    static final String LOGIN = "[\\p{L}\\p{N}._~@+-]{1,200}";

    private CommunityRequests() {
    }

    /**
     * A new community. {@code slug} (its IRI's last part) is optional: without one, feed-service chooses a free one from
     * the name ({@link CommunitySlugs}; a secret community's ends with a random part).
     */
    @Schema(example = "{\"slug\":\"tech-talk\",\"name\":\"Le coin tech\",\"description\":\"Veille, retours d'expérience, questions\",\"visibility\":\"public\"}")
    public record CreateCommunity(
            @Schema(description = "optional: without it, a free slug is chosen from the name (a secret community's ends "
                    + "with a random part, so it cannot be guessed)")
            @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,48}[a-z0-9]", message = "must be 3 to 50 lower-case letters, digits or '-'") String slug,
            @NotBlank @Size(max = 80) String name,
            @Size(max = 1000) String description,
            @NotNull Visibility visibility) {

        /** Input hygiene ({@link TextHygiene}) runs before validation: NUL, bidi and zero-width characters go. */
        public CreateCommunity {
            slug = TextHygiene.line(slug);
            name = TextHygiene.line(name);
            description = TextHygiene.text(description);
        }
    }

    @Schema(example = "{\"name\":\"Le coin tech\",\"description\":\"Veille et retours d'expérience\",\"visibility\":\"public\"}")
    public record EditCommunity(@Size(min = 1, max = 80) String name, @Size(max = 1000) String description,
                                Visibility visibility) {

        public EditCommunity {
            name = TextHygiene.line(name);
            description = TextHygiene.text(description);
        }
    }

    @Schema(example = "{\"login\":\"bob\"}")
    public record Invitation(@NotBlank @Pattern(regexp = "[a-zA-Z0-9][a-zA-Z0-9._-]{0,63}", message = "must be a login") String login) {

        public Invitation {
            login = TextHygiene.line(login);
        }
    }

    @Schema(example = "{\"role\":\"moderator\"}")
    public record RoleChange(@NotNull Role role) {
    }

    /** Bulk import (HR provisioning): duplicates collapse; role member (default) or moderator, never owner. */
    @Schema(example = "{\"logins\":[\"ana.martin\",\"bruno.petit\",\"chloe.durand\"],\"role\":\"member\"}")
    public record MemberImport(
            @NotNull @Size(min = 1, max = MAX_IMPORT, message = "must hold 1 to " + MAX_IMPORT + " logins")
            List<@NotBlank @Pattern(regexp = LOGIN, message = "must be a login") String> logins,
            @Pattern(regexp = "member|moderator", message = "must be member or moderator") String role) {

        public MemberImport {
            logins = logins == null ? null : logins.stream().map(TextHygiene::line).toList();
        }

        Role roleOrDefault() {
            return role == null ? Role.MEMBER : Role.of(role);
        }
    }
}
