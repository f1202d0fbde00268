package io.relais.feed.sanitize;

import io.relais.events.HashtagKey;
import io.relais.events.Iri;
import io.relais.kit.error.ProblemException;

import java.util.List;
import java.util.Set;

/**
 * Text someone wrote, through the {@link TextPipeline} and checked against the limits.
 *
 * @param html            sanitised HTML, stored, published and rendered
 * @param source          the author's Markdown (after input hygiene), stored beside it and returned for edits
 * @param mentionedLogins logins mentioned, lower-cased, first appearance first (all of them as read from the
 *                        text by {@link #of}; only known people once {@link #mentioningOnly} has been applied)
 * @param hashtags        canonical hashtag keys ({@link HashtagKey}), first appearance first
 * @param links           link targets the text holds
 */
public record WrittenText(String html, String source, List<String> mentionedLogins, List<String> hashtags,
                          List<String> links) {

    public List<String> mentionIris() {
        return mentionedLogins.stream().map(Iri::person).toList();
    }

    /**
     * The same text mentioning only people among {@code knownPersonIris} (person IRIs). A mention is a fact
     * about a person, so only someone the directory knows at write time becomes one (IRI, notification); any
     * other {@code @login} stays the plain text it is in {@link #html} and {@link #source}.
     */
    public WrittenText mentioningOnly(Set<String> knownPersonIris) {
        List<String> kept = mentionedLogins.stream().filter(l -> knownPersonIris.contains(Iri.person(l))).toList();
        return kept.size() == mentionedLogins.size() ? this : new WrittenText(html, source, kept, hashtags, links);
    }

    public List<String> hashtagIris() {
        return hashtags.stream().map(Iri::hashtag).toList();
    }

    /**
     * Renders and applies the limits; every broken rule is a 400 naming {@code field}, nothing is cut.
     *
     * @param maxLength most characters of the author's source (after input hygiene)
     * @throws ProblemException 400 when blank, too long, nested deeper than {@link TextPipeline#MAX_NESTING} levels
     *                          (checked before rendering), empty once sanitised, with too many mentions or
     *                          hashtags, or with a hashtag longer than {@value HashtagKey#MAX_LENGTH} characters
     */
    public static WrittenText of(String raw, int maxLength, InputLimits limits, TextPipeline pipeline, String field) {
        TextPipeline.Rendered r;
        try {
            r = pipeline.render(raw);
        } catch (TextPipeline.TooDeeplyNested e) {
            throw ProblemException.invalid(field, e.getMessage());
        }
        if (r.source().isBlank()) {
            throw ProblemException.invalid(field, "must not be blank");
        }
        if (r.source().length() > maxLength) {
            throw ProblemException.invalid(field, "must be at most " + maxLength + " characters");
        }
        if (r.visible().isBlank()) {
            throw ProblemException.invalid(field, "must contain some text once unsafe markup is removed");
        }
        if (!r.tokens().tooLongHashtags().isEmpty()) {
            String tag = r.tokens().tooLongHashtags().get(0);
            throw ProblemException.invalid(field, "hashtag #" + tag.substring(0, Math.min(tag.length(), 20))
                    + "… is longer than " + HashtagKey.MAX_LENGTH + " characters");
        }
        List<String> mentions = r.tokens().mentions();
        if (mentions.size() > limits.mentionsPerPost()) {
            throw ProblemException.invalid(field, "may mention at most " + limits.mentionsPerPost() + " people");
        }
        List<String> hashtags = r.tokens().hashtags();
        if (hashtags.size() > limits.hashtagsPerPost()) {
            throw ProblemException.invalid(field, "may hold at most " + limits.hashtagsPerPost() + " hashtags");
        }
        return new WrittenText(r.html(), r.source(), mentions, hashtags, r.tokens().links());
    }
}
