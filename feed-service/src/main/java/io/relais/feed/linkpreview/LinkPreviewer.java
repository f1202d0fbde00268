package io.relais.feed.linkpreview;

import io.relais.events.Activity;
import io.relais.events.As2;
import io.relais.events.Iri;
import io.relais.kit.messaging.CheckedRecords;
import io.relais.kit.messaging.EventHeaders;
import io.relais.kit.messaging.PollRecords;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.util.Optional;

/**
 * Makes link previews AFTER a post was accepted, never in the request path: reads the activities topic (its own
 * consumer group), and for each post created or edited whose text links to a web page, fetches the page's title
 * ({@link PageTitles}, safely), stores it ({@link LinkPreviewStore}) and fires {@link LinkPreviewed} so the post is
 * announced again as an Update. The first {@code http(s)} link of the post is the one previewed. A post whose link
 * did not change (a replay, or the preview's own Update) is not fetched again.
 */
@ApplicationScoped
public class LinkPreviewer {

    @Inject
    PageTitles titles;

    @Inject
    LinkPreviewStore store;

    @Inject
    Event<LinkPreviewed> previewed;

    /** The record as the replica's other consumers already read and checked it (parsed once per replica). */
    @Inject
    CheckedRecords checked;

    /**
     * A poll of the link previewer's group, record by record in log order: one dispatch per poll (issue 18: nearly
     * every record is a card, comment or reaction passed over by its headers, and each paid the messaging layer's
     * per-record dispatch). A record that cannot be read or previewed is logged and passed over, as
     * {@code failure-strategy=ignore} did, and the rest of the poll is still previewed.
     */
    @Incoming("link-previews")
    @Blocking("feed-link-previews") // its own thread: a page fetch waits up to 3 s, nobody else waits for it
    public void onPoll(ConsumerRecords<String, String> records) {
        PollRecords.forEach(records, "link previews", this::onActivity);
    }

    void onActivity(ConsumerRecord<String, String> record) {
        // cards, comments and reactions are passed over unread when their headers announce them
        if (EventHeaders.skippable(record.headers(), a -> a.isOneOf(As2.CREATE, As2.UPDATE) && a.subjectIsKind(Iri.POST))) return;
        Activity activity = checked.activity(record); // a refused record is logged and skipped
        if (!(As2.CREATE.equals(activity.type()) || As2.UPDATE.equals(activity.type())) || activity.object() == null) return;
        String post = activity.object().id();
        if (post == null || !Iri.isValid(post) || !Iri.isKind(post, Iri.POST)) return;
        preview(post, firstLink(activity.object().content()).orElse(null));
    }

    /** Brings the post's preview in line with its link ({@code null}: it links to nothing now). */
    void preview(String post, String link) {
        Optional<LinkPreviewStore.Stored> stored = store.find(post);
        if (stored.isPresent() && java.util.Objects.equals(stored.get().link(), link)) {
            if (!stored.get().announced()) announce(post, stored.get().preview());
            return;
        }
        if (link == null && stored.isEmpty()) return;
        LinkPreview preview = link == null ? null
                : titles.fetch(link).map(p -> new LinkPreview(p.url(), p.title(), p.site())).orElse(null);
        store.save(post, link, preview);
        if (preview != null || stored.map(s -> s.preview() != null).orElse(false)) {
            announce(post, preview);
        } else {
            store.announced(post); // nothing shown before or now: nothing to announce
        }
    }

    private void announce(String post, LinkPreview preview) {
        previewed.fire(new LinkPreviewed(post, preview));
        store.announced(post);
    }

    /** The first http(s) link of a post's sanitised HTML, read by a real HTML parser. */
    static Optional<String> firstLink(String html) {
        if (html == null || html.isBlank()) return Optional.empty();
        for (Element a : Jsoup.parseBodyFragment(html).select("a[href]")) {
            String href = a.attr("href").trim();
            String lower = href.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("http://") || lower.startsWith("https://")) return Optional.of(href);
        }
        return Optional.empty();
    }
}
