package io.relais.search.index;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the sanitised HTML of a post into the words a person reads, for indexing and snippets. */
public final class PlainText {

    private static final Pattern BLOCK = Pattern.compile("(?i)<\\s*(br|/p|/div|/li|/h[1-6]|/blockquote)\\b[^>]*>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\r]+");

    private PlainText() {
    }

    public static String of(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        String s = BLOCK.matcher(html).replaceAll("\n");
        s = TAG.matcher(s).replaceAll("");
        s = unescape(s);
        s = SPACES.matcher(s).replaceAll(" ");
        return s.replaceAll("\\n\\s*\\n+", "\n").trim();
    }

    private static String unescape(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String r;
            if (e.startsWith("#x") || e.startsWith("#X")) {
                r = codePoint(Integer.parseInt(e.substring(2), 16));
            } else if (e.startsWith("#")) {
                r = codePoint(Integer.parseInt(e.substring(1)));
            } else {
                r = switch (e) {
                    case "amp" -> "&";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "quot" -> "\"";
                    case "apos" -> "'";
                    case "nbsp" -> " ";
                    default -> m.group();
                };
            }
            m.appendReplacement(out, Matcher.quoteReplacement(r));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String codePoint(int cp) {
        return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : "";
    }

    /** The first words of a text, cut at a word boundary. */
    public static String excerpt(String text, int maxChars) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replace('\n', ' ');
        if (oneLine.length() <= maxChars) {
            return oneLine;
        }
        int cut = oneLine.lastIndexOf(' ', maxChars);
        return oneLine.substring(0, cut > maxChars / 2 ? cut : maxChars) + "…";
    }

    public static String escapeHtml(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#x27;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
