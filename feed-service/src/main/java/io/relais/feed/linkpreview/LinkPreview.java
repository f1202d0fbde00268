package io.relais.feed.linkpreview;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A post's link preview, as stored and shown: plain text, never markup (pages escape it).
 *
 * @param url   the page fetched (after redirects), http or https
 * @param title the page's title, one line, at most 200 characters
 * @param site  the page's host name (Unicode)
 */
public record LinkPreview(String url, String title, String site) {

    /** As the {@code preview} entry of the post's {@code relais} extension in its Update. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", url);
        m.put("title", title);
        m.put("site", site);
        return m;
    }
}
