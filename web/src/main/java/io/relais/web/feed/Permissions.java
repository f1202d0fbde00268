package io.relais.web.feed;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateExtension;

/**
 * Which actions a card or comment offers its reader. feed-service's thread answer says it per post and per comment
 * ({@code "can": {"edit", "delete", "moderate", "comment", "react"}}, computed from the rule it enforces), so the page
 * shows Delete to a community's moderators as well as to the author, no comment box, reply, edit or reaction buttons in
 * an archived community (read-only there: 409), and nothing else the service would refuse. Where an answer does not
 * say (feed pages, which carry no {@code can}), only the author gets Edit and Delete (the service always accepts those
 * from the author, and a moderator opens the post to moderate it), and a post whose {@code community.archived} is true
 * offers no edit nor reaction.
 */
public final class Permissions {

    private Permissions() {
    }

    /** {@code {may:edit(post, me.login)}}: the service's {@code can.edit}, else the author of a post that is no card; false without an item. */
    @TemplateExtension(namespace = "may")
    static boolean edit(JsonNode item, Object reader) {
        if (item == null) return false;
        JsonNode can = item.path("can");
        if (can.isObject()) return can.path("edit").asBoolean(false);
        return isAuthor(item, reader) && !"card".equals(item.path("kind").asText()) && !archived(item);
    }

    /**
     * {@code {may:comment(item)}}: the service's {@code can.comment} (a post: its comment box; a comment: its Reply),
     * else true unless the post's {@code community.archived}.
     */
    @TemplateExtension(namespace = "may")
    static boolean comment(JsonNode item) {
        return allowed(item, "comment");
    }

    /** {@code {may:react(item)}}: the service's {@code can.react}, else true unless the post's {@code community.archived}. */
    @TemplateExtension(namespace = "may")
    static boolean react(JsonNode item) {
        return allowed(item, "react");
    }

    /** {@code {may:delete(item, me.login)}}: the service's {@code can.delete}, else the author. */
    @TemplateExtension(namespace = "may")
    static boolean delete(JsonNode item, Object reader) {
        if (item == null) return false;
        JsonNode can = item.path("can");
        if (can.isObject()) return can.path("delete").asBoolean(false);
        return isAuthor(item, reader) && !"card".equals(item.path("kind").asText());
    }

    /**
     * {@code {may:previewUrl(post)}}: the link of the post's preview (feed-service's {@code preview.url}) when it is
     * an http(s) URL, else null, so a page never links to another scheme whatever the answer says.
     */
    @TemplateExtension(namespace = "may")
    static String previewUrl(JsonNode post) {
        if (post == null) return null;
        String url = post.path("preview").path("url").asText("");
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? url : null;
    }

    /** The service's {@code can.<flag>} when it says; else (feed pages, an answer without that flag) unless archived. */
    private static boolean allowed(JsonNode item, String flag) {
        if (item == null) return false;
        JsonNode said = item.path("can").path(flag);
        if (said.isBoolean()) return said.asBoolean();
        return !archived(item);
    }

    /** Whether the answer says the post was written in an archived community (read-only: feed-service's 409). */
    private static boolean archived(JsonNode item) {
        return item.path("community").path("archived").asBoolean(false);
    }

    private static boolean isAuthor(JsonNode item, Object reader) {
        String login = item.path("author").path("login").asText("");
        return reader != null && !login.isEmpty() && login.equals(reader.toString());
    }
}
