package io.relais.web.feed;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateExtension;

/**
 * Replies whose comment is gone. feed-service leaves a deleted comment out of its thread answer (and a comment hidden
 * by moderation, for everyone but its author), while the replies to it keep {@code inReplyTo} naming it: shown as they
 * come, such a reply would stand alone as if it answered whatever is above it. The thread shows a placeholder in the
 * missing comment's place, once, right before the first reply to it.
 */
public final class Replies {

    private Replies() {
    }

    /**
     * {@code {reply:afterMissingParent(c, thread.comments)}}: whether {@code comment} answers a comment that is not in
     * {@code shown} (the thread's comments from its first one) and is the first reply to it there. A reply to the post,
     * or to a comment shown, needs no placeholder.
     */
    @TemplateExtension(namespace = "reply")
    static boolean afterMissingParent(JsonNode comment, JsonNode shown) {
        if (comment == null || shown == null) return false;
        String parent = comment.path("inReplyTo").asText("");
        if (parent.isEmpty() || parent.equals(comment.path("post").asText(""))) return false;
        for (JsonNode other : shown) {
            if (parent.equals(other.path("id").asText())) return false;
        }
        String id = comment.path("id").asText("");
        for (JsonNode other : shown) {
            if (other == comment || id.equals(other.path("id").asText())) return true;
            // an earlier reply to the same missing comment already stands under its placeholder
            if (parent.equals(other.path("inReplyTo").asText(""))) return false;
        }
        return true;
    }

    /** Whether any of the {@code shown} comments answers the comment {@code id} (its IRI or its local id). */
    static boolean anyAnswers(JsonNode shown, String id) {
        if (shown == null || id == null || id.isBlank()) return false;
        for (JsonNode c : shown) {
            String parent = c.path("inReplyTo").asText("");
            if (parent.equals(id) || parent.endsWith(":" + id)) return true;
        }
        return false;
    }
}
