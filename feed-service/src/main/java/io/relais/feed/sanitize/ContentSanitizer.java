package io.relais.feed.sanitize;

import io.relais.events.Iri;
import io.relais.events.Tag;
import jakarta.enterprise.context.ApplicationScoped;
import io.relais.kit.text.HtmlPolicy;
import org.owasp.html.PolicyFactory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rich text is a small HTML subset, sanitised on write with an allow-list: what is stored and
 * published is already safe to render. Mentions ({@code @login}) and hashtags ({@code #tag}) are read
 * from the visible text and become AS2 tags.
 */
@ApplicationScoped
public class ContentSanitizer {

    // the one policy of posts and partner content (service-kit), so both are held to the same rule
    private static final PolicyFactory POLICY = HtmlPolicy.RICH_TEXT;

    // a mention or hashtag starts the text or follows a non-word character, so e-mails are not mentions
    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_.@])@([a-z0-9][a-z0-9._-]{0,63})",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_&#])#(\\p{L}[\\p{L}\\p{N}_]{0,49})");
    private static final Pattern TAGS = Pattern.compile("<[^>]*>");

    /** Safe HTML: scripts, event handlers, styles and unknown elements are gone; allowed markup stays. */
    public String sanitize(String html) {
        return html == null ? "" : POLICY.sanitize(html).trim();
    }

    /** The text a reader sees, for emptiness checks and tag extraction. */
    public String visibleText(String safeHtml) {
        return TAGS.matcher(safeHtml).replaceAll(" ")
                .replace("&#64;", "@").replace("&#35;", "#").replace("&amp;", "&").replace("&nbsp;", " ")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'").replace("&quot;", "\"").trim();
    }

    /** Logins mentioned in the text, lower-cased, in order of first appearance. */
    public List<String> mentionedLogins(String text) {
        Set<String> logins = new LinkedHashSet<>();
        Matcher m = MENTION.matcher(text);
        while (m.find()) {
            String login = m.group(1).toLowerCase(Locale.ROOT);
            while (login.endsWith(".") || login.endsWith("-")) login = login.substring(0, login.length() - 1);
            if (!login.isEmpty()) logins.add(login);
        }
        return new ArrayList<>(logins);
    }

    /** Hashtags in the text, lower-cased, without the '#'. */
    public List<String> hashtags(String text) {
        Set<String> tags = new LinkedHashSet<>();
        Matcher m = HASHTAG.matcher(text);
        while (m.find()) tags.add(m.group(1).toLowerCase(Locale.ROOT));
        return new ArrayList<>(tags);
    }

    public static List<Tag> tags(List<String> mentionedLogins, List<String> hashtags) {
        List<Tag> tags = new ArrayList<>();
        mentionedLogins.forEach(l -> tags.add(Tag.mention(Iri.person(l), l)));
        hashtags.forEach(h -> tags.add(Tag.hashtag(h)));
        return tags;
    }
}
