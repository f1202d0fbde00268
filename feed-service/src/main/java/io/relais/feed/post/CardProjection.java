package io.relais.feed.post;

import com.mongodb.client.model.Updates;
import io.relais.events.Activity;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.events.Iri;
import io.relais.events.RelaisExtension;
import io.relais.events.Topics;
import io.relais.feed.thread.PostStore;
import io.relais.kit.messaging.ActivityBatches;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Business events from connector-service (HR, CRM, documents) become cards in the post store, so they
 * can be commented and reacted to like posts. An upsert of the event's own fields: replaying the topic
 * rewrites the same values and leaves counters alone.
 */
@ApplicationScoped
public class CardProjection {

    @Inject
    PostStore store;

    @Inject
    ActivityBatches batches;

    @Incoming("cards")
    @Blocking
    public void onActivities(ConsumerRecords<String, String> records) {
        batches.apply(records, Topics.ACTIVITIES_DLQ, this::projectAll);
    }

    /** The cards of a poll, in one bulk write (in log order: an update follows its create). */
    void projectAll(List<Activity> activities) {
        List<Map.Entry<String, Bson>> updates = new ArrayList<>();
        for (Activity a : activities) {
            if (isCard(a)) updates.add(Map.entry(a.object().id(), update(a)));
        }
        store.upsertAll(updates);
    }

    static boolean isCard(Activity a) {
        if (!As2.CREATE.equals(a.type()) && !As2.UPDATE.equals(a.type())) return false;
        AsObject o = a.object();
        if (o == null || o.id() == null) return false;
        return (As2.EVENT.equals(o.type()) && Iri.isKind(o.id(), Iri.BUSINESS_EVENT))
                || (As2.DOCUMENT.equals(o.type()) && Iri.isKind(o.id(), Iri.DOCUMENT))
                || ((As2.EVENT.equals(o.type()) || As2.DOCUMENT.equals(o.type())) && Iri.isKind(o.id(), Iri.EXTERNAL));
    }

    static Bson update(Activity a) {
        AsObject o = a.object();
        RelaisExtension.Business business = RelaisExtension.businessOf(a)
                .orElse(new RelaisExtension.Business(null, null, null, null, Map.of()));
        AsObject generator = a.generator() != null ? a.generator() : null;
        Document card = new Document("source", business.source()).append("eventType", business.eventType())
                .append("system", business.system()).append("sourceEventId", business.sourceEventId())
                .append("systemName", generator == null ? null : generator.name())
                .append("generator", generator == null ? null : generator.id())
                .append("title", bilingual(o.name(), o.nameMap())).append("summary", bilingual(o.summary(), o.summaryMap()))
                .append("url", o.url())
                .append("data", new Document(business.data()));
        List<String> to = new ArrayList<>(a.to() == null ? List.of() : a.to());
        if (o.to() != null) o.to().forEach(x -> { if (!to.contains(x)) to.add(x); });
        List<String> cc = new ArrayList<>(a.cc() == null ? List.of() : a.cc());
        if (o.cc() != null) o.cc().forEach(x -> { if (!cc.contains(x)) cc.add(x); });
        String community = to.stream().filter(x -> Iri.isKind(x, Iri.COMMUNITY)).findFirst().orElse(null);
        Instant published = o.published() != null ? o.published() : a.published();
        String content = o.summaryMap() != null && o.summaryMap().get("fr") != null ? o.summaryMap().get("fr") : o.summary();
        List<Bson> set = new ArrayList<>(List.of(Updates.set("type", o.type()), Updates.set("kind", PostService.KIND_CARD),
                Updates.set("author", o.attributedTo()), Updates.set("content", content == null ? "" : content),
                Updates.set("to", to), Updates.set("cc", cc), Updates.set("community", community), Updates.set("card", card),
                Updates.setOnInsert("mentions", List.of()), Updates.setOnInsert("hashtags", List.of()),
                Updates.setOnInsert("attachments", List.of()), Updates.setOnInsert("reactions", new Document()),
                Updates.setOnInsert("commentCount", 0), Updates.setOnInsert("commentsAppended", 0),
                Updates.setOnInsert("pinned", false), Updates.setOnInsert("deleted", false),
                Updates.setOnInsert("created", Date.from(published))));
        if (As2.UPDATE.equals(a.type())) set.add(Updates.set("edited", Date.from(o.updated() != null ? o.updated() : a.published())));
        return Updates.combine(set);
    }

    private static Document bilingual(String plain, Map<String, String> map) {
        Document d = new Document();
        if (map != null) map.forEach(d::append);
        if (plain != null && d.isEmpty()) d.append("und", plain);
        return d;
    }
}
