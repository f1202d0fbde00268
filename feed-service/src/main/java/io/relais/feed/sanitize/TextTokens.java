package io.relais.feed.sanitize;

import io.relais.events.HashtagKey;
import org.owasp.html.HtmlStreamEventReceiver;

import io.relais.events.Login;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a rendered, sanitised text names: people ({@code @login}), hashtags ({@code #tag}) and links.
 * It listens to the sanitiser's event stream, so it reads exactly the elements and decoded text a reader
 * gets, and skips what is not prose: everything inside {@code code}, {@code pre} and {@code a}, and any
 * URL written as plain text ({@code https://wiki.example/Acme_Inc.#Decision} is one token, with no
 * hashtag or mention in it). An element boundary ends a word.
 *
 * <p>Rules: a token starts the text or follows a character that cannot be part of a word (so e-mail
 * addresses are not mentions and {@code a#b} is no tag). A hashtag is a letter then letters, marks,
 * digits or {@code _} ({@link HashtagKey}); one longer than {@value HashtagKey#MAX_LENGTH} is reported in
 * {@link #tooLongHashtags()} for the caller to refuse. A mention is {@code @} then the longest run of
 * login characters ({@code [\p{L}\p{N}._~@+-]}, the IRI local-id alphabet), trailing punctuation left
 * to the sentence; it names someone only when that whole run is a login by the one rule of
 * {@code events}' {@link Login}, so {@code @x1@corp.example} mentions {@code x1@corp.example}, never
 * {@code x1}.
 */
public final class TextTokens implements HtmlStreamEventReceiver {

    private static final Pattern URL = Pattern.compile("(?i)(?:\\b[a-z][a-z0-9+.-]*://|\\bmailto:|\\bwww\\.)[^\\s<>\"]*");
    private static final Set<String> NOT_PROSE = Set.of("code", "pre", "a");

    private final Set<String> mentions = new LinkedHashSet<>();
    private final Set<String> hashtags = new LinkedHashSet<>();
    private final Set<String> links = new LinkedHashSet<>();
    private final List<String> tooLong = new ArrayList<>();
    private final StringBuilder run = new StringBuilder();
    private final StringBuilder visible = new StringBuilder();
    private int notProse;

    /** Logins mentioned, lower-cased, in order of first appearance. */
    public List<String> mentions() {
        return new ArrayList<>(mentions);
    }

    /** Canonical hashtag keys ({@link HashtagKey}), in order of first appearance. */
    public List<String> hashtags() {
        return new ArrayList<>(hashtags);
    }

    /** Link targets: {@code href} of every link and every URL written as text. */
    public List<String> links() {
        return new ArrayList<>(links);
    }

    /** Hashtags longer than the rule allows, as typed (without '#'). */
    public List<String> tooLongHashtags() {
        return List.copyOf(tooLong);
    }

    /** All the text a reader sees (code included), for emptiness checks. */
    public String visibleText() {
        return visible.toString().trim();
    }

    @Override
    public void openDocument() {
    }

    @Override
    public void closeDocument() {
        flush();
    }

    @Override
    public void openTag(String elementName, List<String> attrs) {
        flush();
        String name = elementName.toLowerCase(Locale.ROOT);
        if ("a".equals(name)) {
            for (int i = 0; i + 1 < attrs.size(); i += 2) {
                if ("href".equalsIgnoreCase(attrs.get(i))) links.add(attrs.get(i + 1));
            }
        }
        if (NOT_PROSE.contains(name)) notProse++;
        if (!"a".equals(name) && !"code".equals(name) && !"strong".equals(name) && !"em".equals(name)) visible.append(' ');
    }

    @Override
    public void closeTag(String elementName) {
        flush();
        if (NOT_PROSE.contains(elementName.toLowerCase(Locale.ROOT)) && notProse > 0) notProse--;
    }

    @Override
    public void text(String text) {
        visible.append(text);
        if (notProse == 0) run.append(text);
    }

    private void flush() {
        if (!run.isEmpty()) scan(run.toString());
        run.setLength(0);
    }

    /** Reads one run of prose (no markup), skipping URLs in it. */
    void scan(String text) {
        boolean[] inUrl = new boolean[text.length() + 1];
        Matcher m = URL.matcher(text);
        while (m.find()) {
            links.add(trimUrl(m.group()));
            for (int i = m.start(); i < m.end(); i++) inUrl[i] = true;
        }
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if ((cp == '#' || cp == '@') && !inUrl[i] && startsToken(text, i, cp)) {
                int end = next;
                if (cp == '#') {
                    if (end < text.length() && Character.isLetter(text.codePointAt(end))) {
                        while (end < text.length() && HashtagKey.continues(text.codePointAt(end))) {
                            end += Character.charCount(text.codePointAt(end));
                        }
                        String tag = HashtagKey.of(text.substring(next, end));
                        if (HashtagKey.isWellFormed(tag)) hashtags.add(tag);
                        else if (HashtagKey.hasLegalCharacters(tag)) tooLong.add(text.substring(next, end));
                    }
                } else {
                    while (end < text.length() && isLoginChar(text.codePointAt(end))) {
                        end += Character.charCount(text.codePointAt(end));
                    }
                    int stop = end;
                    while (stop > next && !Character.isLetterOrDigit(text.charAt(stop - 1))) stop--;
                    String login = text.substring(next, stop);
                    if (Login.isValid(login)) mentions.add(Login.normalise(login));
                }
                i = Math.max(end, next);
                continue;
            }
            i = next;
        }
    }

    private static boolean startsToken(String text, int at, int sign) {
        if (at == 0) return true;
        int before = text.codePointBefore(at);
        if (Character.isLetterOrDigit(before) || before == '_' || HashtagKey.isMark(before)) return false;
        return sign == '#' ? before != '&' && before != '#' : before != '.' && before != '@' && before != '+'
                && before != '-' && before != '~';
    }

    private static boolean isLoginChar(int cp) {
        return Character.isLetterOrDigit(cp) || cp == '.' || cp == '_' || cp == '~' || cp == '@' || cp == '+' || cp == '-';
    }

    /** Sentence punctuation right after a URL is not part of it. */
    private static String trimUrl(String url) {
        int end = url.length();
        while (end > 0 && ".,;:!?)".indexOf(url.charAt(end - 1)) >= 0) end--;
        return url.substring(0, end);
    }
}
