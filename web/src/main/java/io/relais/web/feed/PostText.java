package io.relais.web.feed;

/**
 * What a person types becomes the small HTML subset feed-service accepts: escaped text in paragraphs,
 * line breaks kept. feed-service sanitises again on write; this only keeps the person's layout.
 */
final class PostText {

    private PostText() {
    }

    static String toHtml(String typed) {
        if (typed == null || typed.isBlank()) {
            return "";
        }
        StringBuilder html = new StringBuilder();
        for (String paragraph : typed.strip().replace("\r\n", "\n").split("\n\\s*\n")) {
            html.append("<p>").append(escape(paragraph.strip()).replace("\n", "<br>")).append("</p>");
        }
        return html.toString();
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

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
