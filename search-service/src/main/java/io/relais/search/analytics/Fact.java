package io.relais.search.analytics;

import java.time.Instant;
import java.util.List;

/**
 * One contribution read from the index, the raw material of every activity figure.
 *
 * @param kind     post, comment or reaction
 * @param id       the post's or comment's IRI, or the Like activity's id
 * @param author   who wrote it or reacted
 * @param at       when it was published (a reaction: when it was given)
 * @param thread   a comment's root post, a reaction's root post; null for a post
 * @param question for a post: whether it is a question (text ends with "?" or tagged #question)
 * @param hashtags lower-cased tags of a post or comment
 * @param readable whether the caller may read it (the shared audience rule); only readable facts feed
 *                 lists that name content or people (top hashtags, contributors, posts)
 * @param title    a post's title or text excerpt, for the top posts list
 */
public record Fact(Kind kind, String id, String author, Instant at, String thread, boolean question,
                   List<String> hashtags, boolean readable, String title) {

    /** What was contributed. */
    public enum Kind { POST, COMMENT, REACTION }

    /** Posts and comments are content; reactions are not. */
    public boolean content() {
        return kind != Kind.REACTION;
    }

    /** Whether a post's text makes it a question: its title or text ends with a question mark, or it is tagged #question. */
    public static boolean isQuestion(String title, String text, List<String> hashtags) {
        return endsWithQuestionMark(title) || endsWithQuestionMark(text) || hashtags.contains("question");
    }

    private static boolean endsWithQuestionMark(String s) {
        if (s == null) return false;
        String t = s.strip();
        return t.endsWith("?") || t.endsWith("？");
    }
}
