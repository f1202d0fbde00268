package io.relais.web.feed;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.web.layout.Msg;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.ClientWebApplicationException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * feed-service's refusal of something a person wrote (a 400 problem+json whose {@code errors} name the field and the
 * rule, as {@code WrittenText} and {@code PostService} word them), said next to the form in the reader's language:
 * the known rules map to the UI's own sentences, anything else to a sentence naming the refused fields. The service's
 * English text is never shown to a French reader. The answer keeps the form as typed: htmx puts the sentence into
 * the form's error slot ({@code HX-Retarget}) instead of swapping the form.
 */
final class WritingProblems {

    private static final Pattern AT_MOST = Pattern.compile("must be at most (\\d+) characters");

    private WritingProblems() {
    }

    /** Whether this refusal is about what was written (400), rather than access (403/404) or an outage (5xx). */
    static boolean isAboutTheText(ClientWebApplicationException e) {
        return e.getResponse() != null && e.getResponse().getStatus() == 400;
    }

    /** The sentence for the reader: one per refused rule, in their language. */
    static String sentence(ClientWebApplicationException e, Msg msg) {
        JsonNode problem;
        try {
            problem = e.getResponse().readEntity(JsonNode.class);
        } catch (RuntimeException unreadable) {
            problem = null; // not a problem+json: the general sentence
        }
        return sentence(problem, msg);
    }

    /** The sentence for a problem+json ({@code errors: [{field, message}]}; null or unknown: the general sentence). */
    static String sentence(JsonNode problem, Msg msg) {
        List<String> sentences = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        if (problem != null) {
            for (JsonNode error : problem.path("errors")) {
                String field = error.path("field").asText();
                String rule = error.path("message").asText();
                Matcher tooLong = AT_MOST.matcher(rule);
                if (rule.equals("must not be blank")) {
                    sentences.add(msg.textRequired());
                } else if (tooLong.matches()) {
                    sentences.add(msg.textTooLong(Integer.parseInt(tooLong.group(1))));
                } else if (rule.startsWith("must contain some text")) {
                    sentences.add(msg.textOnlyMarkup());
                } else if (rule.startsWith("hashtag #")) {
                    sentences.add(msg.hashtagTooLong());
                } else if (field.equals("audience.community")) {
                    sentences.add(msg.audienceNotMember());
                } else {
                    fields.add(field);
                }
            }
        }
        if (sentences.isEmpty() || !fields.isEmpty()) {
            sentences.add(msg.refusedLocalised(String.join(", ", fields)));
        }
        return String.join(" ", sentences);
    }

    /** The answer that puts the rendered sentence into the element {@code slotId} of the page, leaving the form as typed. */
    static Response inSlot(String slotId, String renderedSentence) {
        return Response.ok(renderedSentence, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("HX-Retarget", "#" + slotId).header("HX-Reswap", "innerHTML").build();
    }
}
