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
 * What a notification needs to be understood, which feed-service's notification does not carry: an excerpt of the
 * post or comment it is about, the community's name (the notification names it by IRI) and, for a business event,
 * the system that published it. Each is read from feed-service with the reader's own token, so a thread or a
 * community the reader may no longer see gives no context (feed-service answers 404) rather than an error.
 * Each post and community is fetched once per page.
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
     * Adds to each item of a notification page (feed-service's {@code {items: [...]}}) the fields {@code excerpt}
     * (plain text, at most {@value #EXCERPT} characters), {@code communityName} and {@code sender} (the display name
     * of the system for a business event), each only when known.
     */
    void addTo(JsonNode page, Locale reader) {
        for (JsonNode item : page.path("items")) {
            if (item instanceof ObjectNode n) {
                String community = n.path("community").asText("");
                if (!community.isEmpty()) {
                    communityName(slugOf(community)).ifPresent(name -> n.put("communityName", name));
                }
                String post = n.path("post").asText("");
                if (!post.isEmpty()) {
                    thread(post).ifPresent(thread -> describe(n, thread, reader));
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

    private void describe(ObjectNode n, JsonNode thread, Locale reader) {
        JsonNode post = thread.path("post");
        String object = n.path("object").asText("");
        JsonNode about = post;
        for (JsonNode comment : thread.path("comments")) {
            if (object.equals(comment.path("id").asText())) {
                about = comment;
            }
        }
        JsonNode card = post.path("card");
        if (card.isObject() && about == post) {
            n.put("excerpt", BusinessCards.title(card, post.path("author"), reader));
            String system = card.path("systemName").asText(card.path("system").asText(""));
            if (!system.isBlank()) {
                n.put("sender", system);
            }
        } else {
            String text = PostText.excerpt(about.path("content").asText(""), EXCERPT);
            if (!text.isBlank()) {
                n.put("excerpt", text);
            }
        }
    }

    /** The post with the first page of its thread (where a commented or mentioned comment usually is). */
    private Optional<JsonNode> thread(String post) {
        return threads.computeIfAbsent(post, p -> {
            try {
                return Optional.of(feed.thread(refOf(p), null, FeedApi.MAX_PAGE));
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
