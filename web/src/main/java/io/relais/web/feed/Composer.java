package io.relais.web.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relais.web.services.FeedApi;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.util.ArrayList;
import java.util.List;

/** What the composer offers (where to post) and what it sends to feed-service. */
@RequestScoped
public class Composer {

    private static final Logger LOG = Logger.getLogger(Composer.class);

    /** The audience value meaning "everyone in the organisation". */
    static final String ORGANISATION = "organisation";
    /** The audience value of an announcement: organisation-wide, shown on top of every home feed until dismissed. */
    static final String ANNOUNCEMENT = "announcement";
    static final int MAX_ATTACHMENTS = 4;

    @Inject
    @RestClient
    FeedApi feed;

    /** Communities the viewer may post in (where they are a member). An unavailable list only hides the choice. */
    public List<JsonNode> audiences() {
        List<JsonNode> mine = new ArrayList<>();
        try {
            for (JsonNode c : feed.communities(null, 50)) {
                if ("member".equals(c.path("myStatus").asText()) && !c.path("archived").asBoolean()) {
                    mine.add(c);
                }
            }
        } catch (RuntimeException e) {
            LOG.debugf("communities unavailable for the composer: %s", e.getMessage());
        }
        return mine;
    }

    /**
     * Uploads the chosen files first (feed-service checks their bytes), then creates the post with their ids; the
     * audience {@value #ANNOUNCEMENT} publishes an announcement instead (feed-service refuses it, 403, to anyone but
     * a community manager).
     */
    JsonNode publish(String typed, String audience, List<FileUpload> files) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("content", typed == null ? "" : typed); // Markdown: feed-service renders and sanitises it
        boolean announcement = ANNOUNCEMENT.equals(audience);
        if (audience != null && !audience.isBlank() && !ORGANISATION.equals(audience) && !announcement) {
            body.putObject("audience").put("community", audience);
        }
        ArrayNode attachments = body.putArray("attachments");
        if (files != null) {
            for (FileUpload file : files.stream().filter(f -> f.size() > 0).limit(MAX_ATTACHMENTS).toList()) {
                ClientMultipartForm form = ClientMultipartForm.create().binaryFileUpload("file", file.fileName(),
                        file.uploadedFile().toString(), file.contentType() == null ? "application/octet-stream" : file.contentType());
                attachments.add(feed.upload(form).path("id").asText());
            }
        }
        return announcement ? feed.announce(body) : feed.createPost(body);
    }
}
