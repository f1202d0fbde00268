package io.relais.web.feed;

/**
 * What an edit box shows. feed-service renders what a person types (Markdown, CommonMark) to sanitised HTML and keeps
 * the typed text as {@code source}; the web sends the typed text unchanged and shows {@code source} again for edits.
 * Posts and comments written before feed-service kept a source only have HTML: their edit box gets the text back
 * from it, paragraphs and line breaks kept.
 */
public final class PostText {

    private PostText() {
    }

    /**
     * The text to edit for a post or comment as feed-service answers it ({@code source}, else text from
     * {@code content}). Templates: {@code {text:editable(c)}} (Qute escapes it).
     */
    @io.quarkus.qute.TemplateExtension(namespace = "text")
    static String editable(com.fasterxml.jackson.databind.JsonNode postOrComment) {
        String source = postOrComment.path("source").asText("");
        return source.isEmpty() ? toText(postOrComment.path("content").asText("")) : source;
    }

    /** Back from stored HTML to editable text (for the edit box). */
    static String toText(String html) {
        if (html == null) {
            return "";
        }
        String text = html.replaceAll("(?i)<br\\s*/?>", "\n").replaceAll("(?i)</p>\\s*<p[^>]*>", "\n\n")
                .replaceAll("<[^>]+>", "");
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&#34;", "\"").replace("&#64;", "@").replace("&#43;", "+").replace("&#61;", "=")
                .replace("&amp;", "&").strip();
    }

    /**
     * A one-line plain-text excerpt of sanitised HTML for a notification or a list: tags dropped, entities decoded,
     * white space collapsed, cut at a word boundary to at most {@code max} characters (with an ellipsis when cut).
     * The caller still escapes it (Qute does).
     */
    public static String excerpt(String html, int max) {
        return cut(toText(html), max);
    }

    /**
     * Plain text (a card's title or summary: tags in it are text) on one line, white space collapsed, cut like
     * {@link #excerpt}. The caller still escapes it.
     */
    static String cut(String plain, int max) {
        String text = plain == null ? "" : plain.replaceAll("\\s+", " ").strip();
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max - 1);
        return text.substring(0, cut > max / 2 ? cut : max - 1).strip() + "…";
    }
}
