package io.relais.web.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relais.web.feed.BusinessCards;
import io.relais.web.feed.PostText;
import io.relais.web.services.FeedApi;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Context for notifications. The list needs none fetched: feed-service's notification answer carries it (an
 * {@code excerpt} of the comment or post, plain text; the {@code communityName}; for a business event the
 * {@code sender} system and the card's {@code title} by language), each only when the reader may still see it, so
 * this class only picks the card title in the reader's language. The settings page, whose mutes name a post or a
 * community by id only, still reads each from feed-service with the reader's own token (once per page), so a thread
 * or a community the reader may no longer see gives no label (feed-service answers 404) rather than an error.
 */
@RequestScoped
public class NotificationContext {

    /** Characters of an excerpt. */
    static final int EXCERPT = 140;

    private static final Logger LOG = Logger.getLogger(NotificationContext.class);

    @Inject
    @RestClient
    FeedApi feed;

    private final Map<String, Optional<JsonNode>> threads = new HashMap<>();
    private final Map<String, Optional<String>> communityNames = new HashMap<>();

    /**
     * Completes each item of a notification page (feed-service's {@code {items: [...]}}) for the reader: a business
     * event's {@code excerpt} is its card's title in the reader's language (else English, else French). Asks no service.
     */
    void addTo(JsonNode page, Locale reader) {
        for (JsonNode item : page.path("items")) {
            if (item instanceof ObjectNode n && !n.hasNonNull("excerpt") && n.path("title").isObject()) {
                JsonNode title = n.path("title");
                for (String lang : new String[]{reader.getLanguage(), "en", "fr"}) {
                    if (title.hasNonNull(lang) && !title.path(lang).asText().isBlank()) {
                        n.put("excerpt", title.path(lang).asText());
                        break;
                    }
                }
            }
        }
    }

    /** The community's name, if the reader may see it. */
    Optional<String> communityName(String slug) {
        return communityNames.computeIfAbsent(slug, s -> {
            try {
                return Optional.of(feed.community(s).path("name").asText("")).filter(name -> !name.isBlank());
            } catch (RuntimeException notVisible) {
                LOG.debugf("no name for community %s: %s", s, notVisible.getMessage());
                return Optional.empty();
            }
        });
    }

    /** An excerpt of a post, if the reader may see it. */
    Optional<String> postExcerpt(String post, Locale reader) {
        return thread(post).map(thread -> {
            JsonNode p = thread.path("post");
            return p.path("card").isObject() ? BusinessCards.title(p.path("card"), p.path("author"), reader)
                    : PostText.excerpt(p.path("content").asText(""), EXCERPT);
        }).filter(text -> !text.isBlank());
    }

    /** The post alone (a thread page of one comment): the settings page labels a muted thread by its post. */
    private Optional<JsonNode> thread(String post) {
        return threads.computeIfAbsent(post, p -> {
            try {
                return Optional.of(feed.thread(refOf(p), null, 1));
            } catch (RuntimeException notVisible) {
                LOG.debugf("no context for %s: %s", p, notVisible.getMessage());
                return Optional.empty();
            }
        });
    }

    /** feed-service takes a post's local id, or the full IRI for business cards (their ids are not local). */
    static String refOf(String postIri) {
        return postIri.startsWith("urn:relais:post:") ? postIri.substring("urn:relais:post:".length()) : postIri;
    }

    static String slugOf(String communityIri) {
        return communityIri.substring(communityIri.lastIndexOf(':') + 1);
    }
}
