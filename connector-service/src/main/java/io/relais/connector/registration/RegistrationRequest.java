package io.relais.connector.registration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(description = "Binds a client to the sources it may post as and its default audience", example = """
        {"sources":["crm"],"defaultAudience":"community:sales","system":"salesforce","systemName":"Salesforce","people":"none"}""")
public record RegistrationRequest(
        @NotEmpty @Size(max = 4) List<@Pattern(regexp = "hr|crm|ecm|generic", message = "must be one of hr, crm, ecm, generic") String> sources,
        @NotBlank @Pattern(regexp = "organisation|community:[a-z0-9][a-z0-9._~@+-]{0,99}|person:[a-z0-9][a-z0-9._~@+-]{0,99}",
                message = "must be organisation, community:<slug> or person:<login>") String defaultAudience,
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9_-]{0,39}", message = "must be a short lower-case id such as workday") String system,
        @NotBlank @Size(max = 80) String systemName,
        @Schema(description = "how the system's users are matched to Relais people in generic activities: none "
                + "(default: the system is the actor of everything it sends), login or email")
        @Pattern(regexp = "none|login|email", message = "must be none, login or email") String people) {
}
