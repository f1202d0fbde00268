package io.relais.connector.registration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * An administrator's registration of a business system ({@code PUT /api/connectors/registrations/{clientId}}). Each
 * field is checked on its own; a bad one answers 400 problem+json naming it ({@code communities[2]} for the third
 * slug of {@code communities}).
 */
@Schema(description = "Binds a client to the sources it may post as, its default audience and the private or secret "
        + "communities it may address", example = """
        {"sources":["crm"],"defaultAudience":"community:sales","system":"salesforce","systemName":"Salesforce","people":"none",
         "communities":["sales-emea","board"]}""")
public record RegistrationRequest(
        @NotEmpty @Size(max = 4) List<@NotNull(message = "must be one of hr, crm, ecm, generic")
                @Pattern(regexp = "hr|crm|ecm|generic", message = "must be one of hr, crm, ecm, generic") String> sources,
        @NotBlank @Pattern(regexp = "organisation|community:" + AudienceSpec.REF_PATTERN + "|person:" + AudienceSpec.REF_PATTERN,
                message = "must be organisation, community:<slug> or person:<login>") String defaultAudience,
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9_-]{0,39}", message = "must be a short lower-case id such as workday") String system,
        @NotBlank @Size(max = 80) String systemName,
        @Schema(description = "how the system's users are matched to Relais people in generic activities: none "
                + "(default: the system is the actor of everything it sends), login or email")
        @Pattern(regexp = "none|login|email", message = "must be none, login or email") String people,
        @Schema(description = "slugs of the private and secret communities this system may address (at most "
                + Registration.MAX_COMMUNITIES + "; default none). Public communities are open to every system, and "
                + "the default audience's community needs no listing. A private or secret community not listed is "
                + "refused as if it did not exist.")
        @Size(max = Registration.MAX_COMMUNITIES, message = "must list at most " + Registration.MAX_COMMUNITIES + " communities")
        List<@NotNull(message = "must be a community slug")
             @Pattern(regexp = AudienceSpec.REF_PATTERN, message = "must be a community slug: lower-case letters and "
                     + "digits, then also . _ ~ @ + -, at most 100 characters") String> communities) {
}
