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

    /**
     * Whether this refusal is about what was written (400, 413 too large, 409/422 a rule of the service…), said next to
     * the form, rather than about access (401/403/404: login again, or "not found") or an outage (5xx).
     */
    static boolean isAboutTheText(ClientWebApplicationException e) {
        int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
        return status >= 400 && status < 500 && status != 401 && status != 403 && status != 404;
    }

    /**
     * The sentence for the reader, in their language: 413 says the text is too large; a problem+json naming fields says
     * one sentence per refused rule; any other refusal its problem's {@code detail} for an English reader (the service
     * writes English), else the general sentence.
     */
    static String sentence(ClientWebApplicationException e, Msg msg, boolean english) {
        if (e.getResponse().getStatus() == 413) {
            return msg.tooLargeToSend();
        }
        JsonNode problem;
        try {
            problem = e.getResponse().readEntity(JsonNode.class);
        } catch (RuntimeException unreadable) {
            problem = null; // not a problem+json: the general sentence
        }
        String detail = problem == null ? "" : problem.path("detail").asText("").strip();
        if (e.getResponse().getStatus() != 400 && problem != null && problem.path("errors").isEmpty() && english
                && !detail.isEmpty()) {
            return detail;
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
