package io.relais.web.layout;

import io.quarkus.qute.TemplateExtension;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Small formatting helpers for templates: {@code {fmt:ago(post.created)}}, {@code {name.initials}}. */
public class Formats {

    @TemplateExtension(namespace = "fmt")
    static String ago(Object iso, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        if (iso == null) {
            return "";
        }
        boolean fr = locale instanceof Locale l && "fr".equals(l.getLanguage());
        Instant then;
        try {
            then = Instant.parse(iso.toString());
        } catch (RuntimeException notAnInstant) {
            return iso.toString();
        }
        long seconds = Math.max(0, Duration.between(then, Instant.now()).getSeconds());
        if (seconds < 60) {
            return fr ? "à l'instant" : "just now";
        }
        if (seconds < 3600) {
            return (fr ? "il y a " : "") + seconds / 60 + " min" + (fr ? "" : " ago");
        }
        if (seconds < 86400) {
            return (fr ? "il y a " : "") + seconds / 3600 + " h" + (fr ? "" : " ago");
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(fr ? Locale.FRENCH : Locale.ENGLISH)
                .format(then.atZone(ZoneId.systemDefault()));
    }

    /** Two letters for an avatar when there is no photo. */
    @TemplateExtension(namespace = "fmt")
    static String initials(Object name) {
        if (name == null || name.toString().isBlank()) {
            return "?";
        }
        String[] parts = name.toString().trim().split("[\\s._-]+");
        String first = parts[0].substring(0, 1);
        String second = parts.length > 1 && !parts[parts.length - 1].isEmpty() ? parts[parts.length - 1].substring(0, 1) : "";
        return (first + second).toUpperCase(Locale.ROOT);
    }

    /** The last segment of an IRI ({@code urn:relais:post:abc} → {@code abc}), used in URLs. */
    @TemplateExtension(namespace = "fmt")
    static String localId(Object iri) {
        if (iri == null) {
            return "";
        }
        String s = iri.toString();
        return s.substring(s.lastIndexOf(':') + 1);
    }

    /** The token of an IRI in element ids ({@code post-<token>}, {@code thread-<token>}…): {@link ElementIds#of}. */
    @TemplateExtension(namespace = "fmt")
    static String domId(Object iriOrRef) {
        return ElementIds.of(iriOrRef == null ? null : iriOrRef.toString());
    }

    /** A title or summary in the reader's language, falling back to the other one. */
    @TemplateExtension(namespace = "fmt")
    static Object inLang(Object byLanguage, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        if (!(byLanguage instanceof com.fasterxml.jackson.databind.JsonNode node) || !node.isObject()) {
            return byLanguage;
        }
        String lang = locale instanceof Locale l ? l.getLanguage() : "en";
        for (String candidate : new String[]{lang, "en", "fr"}) {
            if (node.hasNonNull(candidate)) {
                return node.get(candidate).asText();
            }
        }
        return node.elements().hasNext() ? node.elements().next().asText() : "";
    }

    /** A query-string value, encoded. */
    @TemplateExtension(namespace = "fmt")
    static String url(Object value) {
        return value == null ? "" : java.net.URLEncoder.encode(value.toString(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A display name from a {@code labels} object (IRI → name), or the IRI's last segment. */
    @TemplateExtension(namespace = "fmt")
    static String label(Object labels, Object key) {
        if (key == null) {
            return "";
        }
        if (labels instanceof com.fasterxml.jackson.databind.JsonNode node && node.hasNonNull(key.toString())) {
            return node.get(key.toString()).asText();
        }
        String s = key.toString();
        return s.startsWith("urn:") ? s.substring(s.lastIndexOf(':') + 1) : s;
    }

    /**
     * How the web app names a feed item in its URLs: the local id for posts, the whole IRI (encoded)
     * for other kinds (business events, documents), so nothing is lost.
     */
    @TemplateExtension(namespace = "fmt")
    static String ref(Object iri) {
        if (iri == null) {
            return "";
        }
        String s = iri.toString();
        return s.startsWith("urn:relais:post:") ? s.substring("urn:relais:post:".length()) : url(s);
    }

    private static final java.util.regex.Pattern TEXT_BETWEEN_TAGS = java.util.regex.Pattern.compile("(?<=^|>)([^<]+)");
    private static final java.util.regex.Pattern MENTION_OR_TAG =
            java.util.regex.Pattern.compile("(?<![\\p{L}\\p{N}_])(?:@|&#64;|#|&#35;)([\\p{L}\\p{N}][\\p{L}\\p{N}._-]*)");

    /**
     * Links the mentions and hashtags of sanitised post HTML: only the logins and tags feed-service
     * extracted, only in text (never inside a tag), and with values from a strict alphabet, so the
     * result stays as safe as the input.
     */
    @TemplateExtension(namespace = "fmt")
    static String linked(Object html, Object mentions, Object hashtags) {
        if (html == null) {
            return "";
        }
        java.util.Set<String> logins = lowerCased(mentions);
        java.util.Set<String> tags = lowerCased(hashtags);
        if (logins.isEmpty() && tags.isEmpty()) {
            return html.toString();
        }
        return TEXT_BETWEEN_TAGS.matcher(html.toString()).replaceAll(text -> java.util.regex.Matcher.quoteReplacement(
                MENTION_OR_TAG.matcher(text.group(1)).replaceAll(m -> {
                    String name = m.group(1).replaceAll("[._-]+$", "");
                    String rest = m.group(1).substring(name.length());
                    boolean mention = m.group().startsWith("@") || m.group().startsWith("&#64;");
                    String key = name.toLowerCase(Locale.ROOT);
                    String link;
                    if (mention && logins.contains(key) && key.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
                        link = "<a class=\"mention\" href=\"/people/" + key + "\">@" + name + "</a>";
                    } else if (!mention && tags.contains(key)) {
                        link = "<a class=\"hashtag\" href=\"/hashtags/" + url(key) + "\">#" + name + "</a>";
                    } else {
                        return java.util.regex.Matcher.quoteReplacement(m.group());
                    }
                    return java.util.regex.Matcher.quoteReplacement(link + rest);
                })));
    }

    private static java.util.Set<String> lowerCased(Object list) {
        java.util.Set<String> out = new java.util.HashSet<>();
        if (list instanceof com.fasterxml.jackson.databind.JsonNode node) {
            node.forEach(n -> {
                String v = n.asText();
                out.add(v.substring(v.lastIndexOf(':') + 1).replaceFirst("^[@#]", "").toLowerCase(Locale.ROOT));
            });
        }
        return out;
    }
}
