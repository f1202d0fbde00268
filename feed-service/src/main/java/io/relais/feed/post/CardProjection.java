package io.relais.feed.post;

import io.relais.events.Activity;
import io.relais.events.ActivityValidator;
import io.relais.events.HrAcceptance;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.events.Iri;
import io.relais.events.RelaisExtension;
import io.relais.events.TextHygiene;
import io.relais.feed.thread.Post;
import io.relais.feed.thread.PostStore;
import io.relais.kit.messaging.EventHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jsoup.nodes.Entities;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Business events from connector-service (HR, CRM, documents) become cards in the post store, so they
 * can be commented and reacted to like posts (read by the timeline consumer, {@link io.relais.feed.consumer.ActivityConsumers}). An upsert of the event's own fields: replaying the topic
 * rewrites the same values and leaves counters alone.
 */
@ApplicationScoped
public class CardProjection {

    @Inject
    PostStore store;

    /**
     * The cards of a poll, in log order: creates and updates in one bulk write, a system's Delete of its card after the
     * writes before it (an update follows its create, a delete follows both); any other activity is passed over.
     * Applied by the timeline consumer just before the fan-out of the same poll
     * ({@link io.relais.feed.consumer.ActivityConsumers}), so a card is in a feed only once its post document is written.
     */
    public void projectAll(List<Activity> activities) {
        List<Post> cards = new ArrayList<>();
        for (Activity a : activities) {
            if (isCardDeletion(a)) {
                store.upsertCards(cards);
                cards = new ArrayList<>();
                store.deleteCard(a.object().id(), a.published() != null ? a.published() : Instant.now());
                continue;
            }
            // a moderation decision about a card (feed-service's own Update) changes only its moderation field, written
            // before the decision was published: the card's text stays the system's
            // a hire is a card once profile-service applied it (HrAcceptance): the HR connector's own Create is passed over
            if (isCard(a) && !HrAcceptance.awaitsAcceptance(a) && RelaisExtension.of(a).moderation().isEmpty()) cards.add(card(a));
        }
        store.upsertCards(cards);
    }

    /**
     * What the headers of a card's record announce: a Create, Update or Delete of a business event, document or
     * external object.
     */
    public static boolean mayBeCard(EventHeaders announced) {
        return announced.isOneOf(As2.CREATE, As2.UPDATE, As2.DELETE)
                && announced.subjectIsKind(Iri.BUSINESS_EVENT, Iri.DOCUMENT, Iri.EXTERNAL);
    }

    /**
     * A Delete of a card: its business system's (the source check refused any other connector's before this) or
     * feed-service's own (a person allowed to delete it did, already applied where it was decided: applying it again
     * only empties the card's fields). A moderator's removal carries its decision and is applied where it is decided.
     */
    static boolean isCardDeletion(Activity a) {
        if (!As2.DELETE.equals(a.type()) || a.object() == null || a.object().id() == null) return false;
        if (RelaisExtension.of(a).moderation().isPresent()) return false;
        return namesACard(a.object().id());
    }

    /** Whether an IRI is of a kind a card has: a business event, a document or an external object. */
    static boolean namesACard(String iri) {
        return Iri.isKind(iri, Iri.BUSINESS_EVENT) || Iri.isKind(iri, Iri.DOCUMENT) || Iri.isKind(iri, Iri.EXTERNAL);
    }

    static boolean isCard(Activity a) {
        if (!As2.CREATE.equals(a.type()) && !As2.UPDATE.equals(a.type())) return false;
        AsObject o = a.object();
        if (o == null || o.id() == null) return false;
        return (As2.EVENT.equals(o.type()) && Iri.isKind(o.id(), Iri.BUSINESS_EVENT))
                || (As2.DOCUMENT.equals(o.type()) && Iri.isKind(o.id(), Iri.DOCUMENT))
                || ((As2.EVENT.equals(o.type()) || As2.DOCUMENT.equals(o.type())) && Iri.isKind(o.id(), Iri.EXTERNAL));
    }

    /**
     * The card an activity announces: the business event's own fields; the thread's (counters,
     * reactions, pin) are left to {@link PostStore#upsertCards}, which sets them only on insert.
     */
    static Post card(Activity a) {
        AsObject o = a.object();
        RelaisExtension.Business business = RelaisExtension.businessOf(a)
                .orElse(new RelaisExtension.Business(null, null, null, null, Map.of()));
        AsObject generator = a.generator() != null ? a.generator() : null;
        Post.Card card = new Post.Card(business.source(), business.eventType(), business.system(),
                business.sourceEventId(), generator == null ? null : generator.name(),
                generator == null ? null : generator.id(), bilingual(o.name(), o.nameMap()),
                bilingual(o.summary(), o.summaryMap()), o.url(), business.data(), attachments(o.attachment()));
        List<String> to = new ArrayList<>(a.to() == null ? List.of() : a.to());
        if (o.to() != null) o.to().forEach(x -> { if (!to.contains(x)) to.add(x); });
        List<String> cc = new ArrayList<>(a.cc() == null ? List.of() : a.cc());
        if (o.cc() != null) o.cc().forEach(x -> { if (!cc.contains(x)) cc.add(x); });
        String community = to.stream().filter(x -> Iri.isKind(x, Iri.COMMUNITY)).findFirst().orElse(null);
        Instant published = o.published() != null ? o.published() : a.published();
        String summary = o.summaryMap() != null && o.summaryMap().get("fr") != null ? o.summaryMap().get("fr") : o.summary();
        Instant edited = As2.UPDATE.equals(a.type()) ? (o.updated() != null ? o.updated() : a.published()) : null;
        return new Post(o.id(), o.type(), Post.KIND_CARD, o.attributedTo(), asHtml(summary), null, to, cc,
                community, List.of(), List.of(), List.of(), card, Map.of(), 0, 0, false, published, edited, null,
                false, null, null, null);
    }

    /**
     * The links an object carries, as a card keeps them: only those whose URL is an absolute http or https one (the
     * generic connector refuses others; a card believes no other link either, since the web makes each a link), in
     * their order, at most {@link ActivityValidator#MAX_ATTACHMENTS}; a name as one line of plain text (AS2: a name
     * holds no markup, and pages escape it), a media type as {@code type/subtype} in lower case or none, the type
     * {@code Image} or {@code Document}.
     */
    static List<Post.Card.Attachment> attachments(List<AsObject> given) {
        List<Post.Card.Attachment> out = new ArrayList<>();
        if (given == null) return out;
        for (AsObject a : given) {
            if (out.size() == ActivityValidator.MAX_ATTACHMENTS) break;
            if (a == null || !isWebUrl(a.url())) continue;
            String name = a.name() == null ? null : TextHygiene.line(a.name()).strip();
            String mediaType = a.mediaType() == null ? null : a.mediaType().strip().toLowerCase(Locale.ROOT);
            out.add(new Post.Card.Attachment(a.url().strip(), name == null || name.isEmpty() ? null : name,
                    mediaType != null && MEDIA_TYPE.matcher(mediaType).matches() ? mediaType : null,
                    As2.IMAGE.equals(a.type()) ? As2.IMAGE : As2.DOCUMENT));
        }
        return out;
    }

    /** {@code type/subtype}, as RFC 6838 names a media type (without parameters). */
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}");

    private static boolean isWebUrl(String value) {
        if (value == null || value.isBlank() || value.length() > 2000) return false;
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException notAUri) {
            return false;
        }
    }

    /**
     * The card as the AS2 object its system published, rebuilt from what is stored (the inverse of {@link #card}), with
     * its moderation state: what a moderation decision about a card publishes, so that a restore gives search the
     * whole card again. Title and summary keep their languages. Without {@code relais.business}: carrying it would
     * assert a business fact, which only the card's connector may ({@code SourceAuthority}), and every consumer
     * would refuse the decision.
     */
    public static AsObject asObject(Post card) {
        Post.Card c = card.card();
        Map<String, Object> ext = new LinkedHashMap<>();
        if (card.moderation() != null) {
            ext.put(RelaisExtension.MODERATION, RelaisExtension.Moderation.state(card.moderation().isHidden(),
                    card.moderation().reason()).toMap());
        }
        AsObject.Builder b = AsObject.builder().id(card.iri()).type(card.type()).attributedTo(card.author())
                .to(card.to()).cc(card.cc()).published(card.created()).updated(card.edited()).relais(ext);
        if (c != null) {
            plainOrMap(c.title(), b::name, b::nameMap);
            plainOrMap(c.summary(), b::summary, b::summaryMap);
            b.url(c.url());
            if (!c.attachments().isEmpty()) {
                b.attachment(c.attachments().stream().map(a -> AsObject.builder().type(a.type()).name(a.name()).url(a.url())
                        .mediaType(a.mediaType()).build()).toList());
            }
        }
        return b.build();
    }

    /** The system that published the card, as an activity's {@code generator}; null when the card named none. */
    public static AsObject generatorOf(Post card) {
        Post.Card c = card.card();
        if (c == null || c.generator() == null) return null;
        return AsObject.builder().id(c.generator()).type(As2.APPLICATION).name(c.systemName()).build();
    }

    /** The inverse of {@link #bilingual}: a text without language ({@code und}) as the plain value, else the map. */
    private static void plainOrMap(Map<String, String> texts, java.util.function.Consumer<String> plain,
                                   java.util.function.Consumer<Map<String, String>> map) {
        if (texts == null || texts.isEmpty()) return;
        if (texts.size() == 1 && texts.containsKey("und")) plain.accept(texts.get("und"));
        else map.accept(texts);
    }

    /**
     * A card's summary as the post's {@code content}, which is HTML everywhere (the API says "sanitised HTML, safe to
     * render"): the summary is plain text, so it is escaped, never parsed ({@code Smith & Sons <EMEA>} becomes
     * {@code Smith &amp; Sons &lt;EMEA&gt;}, which a reader of the HTML sees as the very same text), and its line
     * breaks become {@code <br>}.
     *
     * @return the HTML; {@code ""} for a card without a summary
     */
    static String asHtml(String plainText) {
        if (plainText == null) return "";
        return Entities.escape(plainText).replace("\n", "<br>");
    }

    private static Map<String, String> bilingual(String plain, Map<String, String> map) {
        Map<String, String> d = new LinkedHashMap<>();
        if (map != null) d.putAll(map);
        if (plain != null && d.isEmpty()) d.put("und", plain);
        return d;
    }
}
