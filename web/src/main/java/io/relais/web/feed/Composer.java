package io.relais.web.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relais.web.services.FeedApi;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/** What the composer offers and what it sends to feed-service. */
@RequestScoped
public class Composer {

    private static final Logger LOG = Logger.getLogger(Composer.class);

    /** The audience value meaning "everyone in the organisation". */
    static final String ORGANISATION = "organisation";

    @Inject
    @RestClient
    FeedApi feed;

    /** Communities the viewer may post in (their memberships). An unavailable list only hides the choice. */
    public List<JsonNode> audiences() {
        List<JsonNode> mine = new ArrayList<>();
        try {
            JsonNode answer = feed.communities(null, true);
            JsonNode list = answer.isArray() ? answer : answer.path("items");
            list.forEach(mine::add);
        } catch (RuntimeException e) {
            LOG.debugf("communities unavailable for the composer: %s", e.getMessage());
        }
        return mine;
    }

    static ObjectNode postRequest(String content, String audience) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("content", content == null ? "" : content);
        if (audience != null && !audience.isBlank() && !ORGANISATION.equals(audience)) {
            body.put("community", audience);
        }
        return body;
    }
}
