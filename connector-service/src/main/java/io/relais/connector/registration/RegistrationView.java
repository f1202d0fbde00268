package io.relais.connector.registration;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * A registration as the admin API and {@code GET /api/connectors/me} show it: the stored fields, the default audience
 * also as its IRI, and {@code communities} (the private and secret communities the system may address; empty when
 * none).
 */
@Schema(description = "A business system's registration", example = """
        {"clientId":"crm-connector","sources":["crm"],"defaultAudience":"community:sales",
         "defaultAudienceIri":"urn:relais:community:sales","system":"salesforce","systemName":"Salesforce","people":"none",
         "communities":["sales-emea","board"],"updated":"2026-11-22T10:00:00Z"}""")
public record RegistrationView(String clientId, List<String> sources, String defaultAudience,
                               String defaultAudienceIri, String system, String systemName, String people,
                               List<String> communities, Instant updated) {

    static RegistrationView of(Registration r) {
        return new RegistrationView(r.clientId(), r.sources(), r.defaultAudience().text(),
                r.defaultAudience().address(), r.system(), r.systemName(), r.people().id(), r.communities(),
                r.updated());
    }
}
