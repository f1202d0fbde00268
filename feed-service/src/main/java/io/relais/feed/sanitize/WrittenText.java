package io.relais.feed.sanitize;

import io.relais.events.Iri;
import io.relais.kit.error.ProblemException;

import java.util.List;

/** Text someone wrote, checked and sanitised: safe HTML plus the people and hashtags it names. */
public record WrittenText(String html, List<String> mentionedLogins, List<String> hashtags) {

    public List<String> mentionIris() {
        return mentionedLogins.stream().map(Iri::person).toList();
    }

    public List<String> hashtagIris() {
        return hashtags.stream().map(Iri::hashtag).toList();
    }

    /** Sanitises and applies the limits; {@code field} names the request field in the problem. */
    public static WrittenText of(String raw, int maxLength, InputLimits limits, ContentSanitizer sanitizer,
                                 String field) {
        if (raw == null || raw.isBlank()) {
            throw ProblemException.invalid(field, "must not be blank");
        }
        if (raw.length() > maxLength) {
            throw ProblemException.invalid(field, "must be at most " + maxLength + " characters");
        }
        String html = sanitizer.sanitize(raw);
        String text = sanitizer.visibleText(html);
        if (text.isBlank()) {
            throw ProblemException.invalid(field, "must contain some text once unsafe markup is removed");
        }
        List<String> mentions = sanitizer.mentionedLogins(text);
        if (mentions.size() > limits.mentionsPerPost()) {
            throw ProblemException.invalid(field, "may mention at most " + limits.mentionsPerPost() + " people");
        }
        List<String> hashtags = sanitizer.hashtags(text);
        if (hashtags.size() > limits.hashtagsPerPost()) {
            throw ProblemException.invalid(field, "may hold at most " + limits.hashtagsPerPost() + " hashtags");
        }
        return new WrittenText(html, mentions, hashtags);
    }
}
