package io.relais.search;

import io.relais.events.Activity;
import io.relais.events.ActivityJson;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.events.Audience;
import io.relais.events.CloudEventAttributes;
import io.relais.events.EventId;
import io.relais.events.Iri;
import io.relais.events.RecordKey;
import io.relais.events.Tag;
import io.relais.events.Topics;
import io.relais.testing.KafkaProbe;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Publishes activities on the real broker exactly as feed-, profile- and connector-service do. */
final class Events {

    /** Bounded wait for the index to show an event; generous because the CI machine is shared. */
    static final java.time.Duration WAIT = java.time.Duration.ofSeconds(60);

    private Events() {
    }

    /** A unique suffix so tests never see each other's data. */
    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static void publish(Activity a) {
        publish(a, CloudEventAttributes.FEED_SOURCE);
    }

    static void publish(Activity a, String source) {
        publish(a, source, RecordKey.of(a));
    }

    /**
     * An HR card (a hire, move, leave or anniversary) as it is shown: announced by profile-service once it applied it
     * ({@link io.relais.events.HrAcceptance}), not as the HR connector sent it.
     */
    static void publishAccepted(Activity hire) {
        publish(io.relais.events.HrAcceptance.accepted(hire), CloudEventAttributes.PROFILE_SOURCE);
    }

    /** Published with {@code key}: records of one key are read in the order they were published. */
    static void publish(Activity a, String source, String key) {
        KafkaProbe.publish(Topics.ACTIVITIES, key,
                KafkaProbe.cloudEventHeaders(CloudEventAttributes.id(a), CloudEventAttributes.type(a), source,
                        CloudEventAttributes.subject(a)),
                ActivityJson.writeString(a));
    }

    static Activity post(String author, String html, List<String> to, List<String> cc, Tag... tags) {
        return post(author, html, to, cc, Instant.now(), tags);
    }

    static Activity post(String author, String html, List<String> to, List<String> cc, Instant published, Tag... tags) {
        String id = Iri.post(EventId.next());
        AsObject note = AsObject.builder().id(id).type(As2.NOTE).attributedTo(Iri.person(author)).content(html)
                .to(to).cc(cc).tag(tags.length == 0 ? null : List.of(tags)).published(published).build();
        return Activity.builder().type(As2.CREATE).actor(Iri.person(author)).object(note).to(to).cc(cc)
                .published(published).build();
    }

    static Activity orgPost(String author, String html, Tag... tags) {
        return post(author, html, List.of(Audience.ORGANISATION), null, tags);
    }

    static Activity edit(Activity create, String newHtml) {
        AsObject o = create.object().toBuilder().content(newHtml).updated(Instant.now()).build();
        return Activity.builder().type(As2.UPDATE).actor(create.actor()).object(o).to(create.to()).cc(create.cc()).build();
    }

    static Activity delete(Activity create) {
        AsObject tomb = AsObject.builder().id(create.object().id()).type(As2.TOMBSTONE)
                .formerType(create.object().type()).deleted(Instant.now()).build();
        return Activity.builder().type(As2.DELETE).actor(create.actor()).object(tomb).to(create.to()).cc(create.cc()).build();
    }

    static Activity comment(String author, Activity root, String html) {
        AsObject c = AsObject.builder().id(Iri.comment(UUID.randomUUID().toString())).type(As2.NOTE)
                .attributedTo(Iri.person(author)).content(html).inReplyTo(root.object().id())
                .context(root.object().id()).to(root.object().to()).cc(root.object().cc()).build();
        return Activity.builder().type(As2.CREATE).actor(Iri.person(author)).object(c).to(root.to()).cc(root.cc()).build();
    }

    static Activity like(String actor, Activity root, String reaction) {
        return Activity.builder().type(As2.LIKE).actor(Iri.person(actor)).object(AsObject.ref(root.object().id()))
                .target(root.object().id()).to(root.to()).cc(root.cc()).relais(Map.of("reaction", reaction)).build();
    }

    static Activity community(String slug, String name, String visibility) {
        String iri = Iri.community(slug);
        List<String> audience = "secret".equals(visibility) ? List.of(iri) : List.of(Audience.ORGANISATION);
        AsObject group = AsObject.builder().id(iri).type(As2.GROUP).name(name).summary("Communauté " + name)
                .to(audience).relais(Map.of("visibility", visibility, "archived", false)).build();
        return Activity.builder().type(As2.CREATE).actor(Iri.person("bob")).object(group).to(audience).build();
    }

    /** The Update feed-service publishes when an owner changes a community's settings (here its name). */
    static Activity renamed(String slug, String name, String visibility) {
        Activity created = community(slug, name, visibility);
        return created.toBuilder().type(As2.UPDATE).build();
    }

    static Activity join(String login, String slug) {
        return Activity.builder().type(As2.JOIN).actor(Iri.person(login)).object(AsObject.ref(Iri.community(slug)))
                .to(Iri.community(slug)).relais(Map.of("role", "member")).build();
    }

    static Activity leave(String login, String slug) {
        return Activity.builder().type(As2.LEAVE).actor(Iri.person(login)).object(AsObject.ref(Iri.community(slug)))
                .to(Iri.community(slug)).build();
    }

    /** A profile snapshot on relais.profiles, as profile-service publishes it. */
    static void profile(String login, String name, String title, String department, List<String> skills, String bio) {
        String iri = Iri.person(login);
        Map<String, Object> ext = new HashMap<>();
        ext.put("login", login);
        ext.put("title", title);
        ext.put("department", department);
        ext.put("skills", skills);
        ext.put("bio", bio);
        ext.put("status", "active");
        AsObject person = AsObject.builder().id(iri).type(As2.PERSON).name(name).summary(title).relais(ext).build();
        Activity a = Activity.builder().type(As2.UPDATE).actor(iri).object(person).to(Audience.ORGANISATION).build();
        KafkaProbe.publish(Topics.PROFILES, iri,
                KafkaProbe.cloudEventHeaders(CloudEventAttributes.id(a), CloudEventAttributes.type(a),
                        CloudEventAttributes.PROFILE_SOURCE, iri), ActivityJson.writeString(a));
    }

    static void profileErased(String login) {
        String iri = Iri.person(login);
        KafkaProbe.publish(Topics.PROFILES, iri, Map.of(), null);
    }

    /** The IRI connector-service gives SharePoint's document {@code docId}: in that system's namespace. */
    static String documentIri(String docId) {
        return Iri.document("ecm.sharepoint", docId);
    }

    /** An ECM document card as connector-service maps it; an Update carries {@code updated}, not {@code published}. */
    static Activity document(String type, String docId, String title, String summary, List<String> to, Instant published) {
        String id = documentIri(docId);
        AsObject.Builder doc = AsObject.builder().id(id).type(As2.DOCUMENT).name(title).summary(summary)
                .url("https://ecm.example.com/docs/" + docId).to(to)
                .relais(Map.of("business", Map.of("source", "ecm", "eventType", "document." + type.toLowerCase(),
                        "system", "sharepoint", "sourceEventId", UUID.randomUUID().toString(), "data", Map.of())));
        if (As2.UPDATE.equals(type)) doc.updated(Instant.now());
        else doc.published(published);
        AsObject generator = AsObject.builder().id("urn:relais:source:ecm.sharepoint").type(As2.APPLICATION)
                .name("SharePoint").build();
        return Activity.builder().type(type).actor(generator.id()).object(doc.build()).to(to).generator(generator).build();
    }

    /**
     * An ECM document card as connector-service maps it from {@code mappings/ecm/document.<eventType>.json}: a title and a
     * summary in French and English ({@code nameMap}, {@code summaryMap}; {@code name}/{@code summary} the first
     * language), attributed to the owner the system names by login ({@code data.owner}), which the templates also write
     * into the text.
     */
    static Activity bilingualDocument(String eventType, String docId, String owner, Map<String, String> names,
                                      Map<String, String> summaries, List<String> to) {
        String id = documentIri(docId);
        AsObject doc = AsObject.builder().id(id).type(As2.DOCUMENT)
                .name(names.values().iterator().next()).nameMap(names)
                .summary(summaries.values().iterator().next()).summaryMap(summaries)
                .attributedTo(Iri.person(owner)).url("https://ecm.example.com/docs/" + docId).to(to).published(Instant.now())
                .relais(Map.of("business", Map.of("source", "ecm", "eventType", eventType, "system", "sharepoint",
                        "sourceEventId", UUID.randomUUID().toString(), "data", Map.of("documentId", docId, "owner", owner))))
                .build();
        AsObject generator = AsObject.builder().id("urn:relais:source:ecm.sharepoint").type(As2.APPLICATION)
                .name("SharePoint").build();
        return Activity.builder().type(As2.CREATE).actor(generator.id()).object(doc).to(to).generator(generator).build();
    }

    /** A business event card as connector-service maps an HR hire (shown once accepted: {@link #publishAccepted}). */
    static Activity hrEvent(String system, String title, String summary, List<String> to) {
        return hrEvent("employee.hired", system, title, summary, to);
    }

    /** An HR card of {@code eventType} as connector-service maps it (shown once accepted: {@link #publishAccepted}). */
    static Activity hrEvent(String eventType, String system, String title, String summary, List<String> to) {
        String id = Iri.of(Iri.BUSINESS_EVENT, UUID.randomUUID().toString());
        AsObject event = AsObject.builder().id(id).type(As2.EVENT).name(title).summary(summary).to(to).build();
        AsObject generator = AsObject.builder().id("urn:relais:source:hr." + system.toLowerCase())
                .type(As2.APPLICATION).name(system).build();
        return Activity.builder().type(As2.CREATE).actor("urn:relais:source:hr." + system.toLowerCase())
                .object(event).to(to).generator(generator)
                .relais(Map.of("business", Map.of("source", "hr", "eventType", eventType, "system", system,
                        "sourceEventId", UUID.randomUUID().toString(), "data", Map.of())))
                .build();
    }
}
