package io.relais.connector.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relais.connector.community.CommunityDirectory;
import io.relais.connector.people.PeopleDirectory;
import io.relais.connector.source.InboundEvent;
import io.relais.connector.source.SourceType;
import io.relais.connector.registration.AudienceSpec;
import io.relais.connector.registration.Registration;
import io.relais.events.Activity;
import io.relais.events.ActivityValidator;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.events.CloudEventAttributes;
import io.relais.events.Iri;
import io.relais.events.SourceAuthority;
import io.relais.events.Tag;
import io.relais.events.TextHygiene;
import io.relais.events.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns an accepted business event into the AS2 activity of the contract (COMMON business events):
 * object Event/Document, {@code generator} = the business system, {@code attributedTo} = the human owner,
 * title and summary in French and English, the business fields in {@code relais.business}, and the
 * audience from the event (a community) or from the registration's default.
 *
 * <p>A card names only what exists, each fact believed from the service that owns it: its community must have been
 * announced by feed-service ({@link CommunityDirectory}), its owner, mentioned people and addressed person by
 * profile-service ({@link PeopleDirectory}, active people only). Otherwise whoever later created that slug, or a
 * later hire with that login, would own every card sent there. Such an event fails its mapping
 * ({@link MappingException}, a dead letter naming the field) and is published by its replay once the community or
 * person exists. HR events are the exception for people: HR is where people come from (profile-service creates the
 * person from the very event), so their owner and mentions (the hire, their manager) are not looked up.
 *
 * <p>A document card is named in the sending system's namespace ({@code urn:relais:document:<source>.<system>:<id>},
 * {@link #documentIri}), and the mapped activity must pass the source-authority check every consumer applies to it
 * ({@link SourceAuthority}): what would be dead-lettered downstream fails its mapping here.
 *
 * <p>A system addresses every public community, but a private or secret one only when an administrator listed it in
 * its registration ({@link Registration#mayAddress}); any other is refused exactly as a community that does not
 * exist, so the answer never tells a system that a secret community exists.
 */
@ApplicationScoped
public class BusinessEventMapper {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]+?)\\s*}}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ACTIVITIES = Set.of(As2.CREATE, As2.UPDATE);
    private static final Set<String> OBJECTS = Set.of(As2.EVENT, As2.DOCUMENT);

    @Inject
    MappingTemplates templates;

    @Inject
    CommunityDirectory communities;

    @Inject
    PeopleDirectory people;

    /** The ids a receipt fixes once, so a retry or a replay publishes the very same activity. */
    public record Ids(String activityId, String eventObjectId) {
    }

    public static String generatorIri(String source, String system) {
        return Iri.of(Iri.SOURCE, source + "." + system);
    }

    public Activity map(InboundEvent event, Registration registration, Ids ids) {
        MappingTemplate t = templates.find(event.source(), event.eventType()).orElseThrow(() ->
                new MappingException("no mapping template for " + event.source().id() + "/" + event.eventType()));
        if (!ACTIVITIES.contains(t.activity())) throw new MappingException("mapping activity must be Create or Update, not " + t.activity());
        if (!OBJECTS.contains(t.object())) throw new MappingException("mapping object must be Event or Document, not " + t.object());

        Values values = new Values(event, registration);
        String system = event.system() != null ? event.system() : registration.system();
        String systemName = system.equals(registration.system()) ? registration.systemName() : system;
        AsObject generator = AsObject.builder().id(generatorIri(event.source().id(), system)).type(As2.APPLICATION)
                .name(systemName).build();

        String objectId = t.documentId() == null ? ids.eventObjectId()
                : documentIri(t, values.required("documentId", t.documentId()), event.source().id(), system);
        Map<String, String> names = localised(values, "name", t.name(), false);
        Map<String, String> summaries = localised(values, "summary", t.summary(), true);
        boolean peopleFromThisEvent = event.source() == SourceType.HR;
        if (peopleFromThisEvent) refuseReportingLoop(event);
        String owner = values.optional(t.owner());
        String ownerIri = owner == null ? null : peopleFromThisEvent ? person(owner, "owner")
                : knownPerson(owner, Values.field(t.owner(), "owner"));
        List<String> audience = audience(values.optional(t.audienceCommunity()), Values.field(t.audienceCommunity(),
                "audienceCommunity"), registration);
        List<String> to = audience.subList(0, 1);
        List<String> cc = audience.subList(1, audience.size());

        Map<String, Object> business = new LinkedHashMap<>();
        business.put("source", event.source().id());
        business.put("eventType", event.eventType());
        business.put("system", system);
        business.put("sourceEventId", event.eventId());
        business.put("data", JSON.convertValue(event.data(), Map.class));
        Map<String, Object> extension = Map.of("business", business);

        String sizeText = values.optional(t.size());
        AsObject.Builder object = AsObject.builder().id(objectId).type(t.object())
                .name(first(names)).nameMap(names).summary(first(summaries)).summaryMap(summaries)
                .url(values.optional(t.url())).mediaType(values.optional(t.mediaType()))
                .size(sizeText == null ? null : parseSize(sizeText))
                .attributedTo(ownerIri)
                .tag(mentions(values, t.mentions(), !peopleFromThisEvent))
                .to(to).cc(cc).relais(extension);
        if (As2.UPDATE.equals(t.activity())) object.updated(event.occurredAt());
        else object.published(event.occurredAt());

        Activity activity = Activity.builder().id(ids.activityId()).type(t.activity()).actor(generator.id())
                .object(object.build()).to(to).cc(cc).generator(generator).published(Instant.now())
                .relais(extension).build();
        List<Violation> broken = ActivityValidator.validate(activity);
        if (!broken.isEmpty()) {
            throw new MappingException("the mapped activity breaks the contract: " + broken.stream()
                    .map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; ")));
        }
        // what every consumer will check (a template in mappings-dir is an administrator's file): refused here, the
        // event is a dead letter to replay once the template is fixed, not a published record each consumer drops
        SourceAuthority.check(CloudEventAttributes.connectorSource(event.source().id(), system), activity)
                .ifPresent(refusal -> {
                    throw new MappingException("the mapped activity would be refused by every consumer: " + refusal);
                });
        return activity;
    }

    /**
     * A document card's IRI, {@code urn:relais:document:<source>.<system>:<documentId>} ({@link Iri#document}): in
     * the namespace of the sending system (the client's registered one; it may not send as another), which is the
     * one system every consumer believes a Create, Update or Delete of that card from ({@code Producer.owns}). So a
     * second document system sending the same id makes its own card and never rewrites the first's.
     */
    private static String documentIri(MappingTemplate t, String documentId, String source, String system) {
        if (!As2.DOCUMENT.equals(t.object())) {
            throw new MappingException("mapping documentId names a document: its object must be Document, not " + t.object());
        }
        try {
            return Iri.document(source + "." + system, documentId); // the namespace of Producer#namespace
        } catch (IllegalArgumentException e) {
            throw new MappingException("documentId '" + documentId + "' must be 1 to 200 characters once percent-encoded");
        }
    }

    /**
     * The event's community, else the registration default; a public community is also cc'd to the organisation.
     * A community feed-service never announced, or a person profile-service does not know as active, fails the
     * mapping naming where it came from ({@code field}: the event's field, or the registration's default audience).
     * So does a private or secret community the registration does not list ({@link Registration#mayAddress}), with
     * the very same reason as one that does not exist ({@link #noCommunity}): the dead letter, the receipt and the dry
     * run tell the system nothing about whether a secret community exists. An archived community it may address
     * fails with its own reason ({@link #archived}).
     */
    private List<String> audience(String communitySlug, String field, Registration registration) {
        AudienceSpec spec = registration.defaultAudience();
        String from = "defaultAudience of registration " + registration.clientId();
        if (communitySlug != null && !communitySlug.isBlank()) {
            spec = AudienceSpec.tryParse("community:" + communitySlug)
                    .orElseThrow(() -> new MappingException(field + ": '" + communitySlug + "' is not a community slug"));
            from = field;
        }
        List<String> out = new ArrayList<>();
        out.add(spec.address());
        if (AudienceSpec.COMMUNITY.equals(spec.kind())) {
            String iri = spec.address();
            Optional<CommunityDirectory.Announced> known = communities.announced(iri)
                    .filter(c -> registration.mayAddress(iri, c.visibility()));
            if (known.isEmpty()) throw new MappingException(noCommunity(from, spec.ref()));
            // only once the system may know the community exists: a secret archived one is "no community" above
            if (known.get().archived()) throw new MappingException(archived(from, spec.ref()));
            if ("public".equals(known.get().visibility())) out.add(io.relais.events.Audience.ORGANISATION);
        } else if (AudienceSpec.PERSON.equals(spec.kind())) {
            knownPerson(spec.ref(), from);
        }
        return out;
    }

    /**
     * The one reason for a community this registration may not address, whether it does not exist or is private or
     * secret and not listed: {@code <field>: no community '<slug>' (…)}, the slug being all that differs.
     */
    static String noCommunity(String field, String slug) {
        return field + ": no community '" + slug + "' (replay this event once the community exists; a private or "
                + "secret one must also be listed in the registration's communities)";
    }

    /**
     * The reason for an archived community this registration may address (public, or listed: so it may know that
     * the community exists): like its employees' posts, no new card goes there.
     */
    static String archived(String field, String slug) {
        return field + ": community '" + slug + "' is archived: archived communities take no new cards (replay this "
                + "event if the community is reopened)";
    }

    /**
     * An HR event that gives someone a manager who is themselves, or who reports to them, fails its mapping (a dead
     * letter naming {@code data.manager}): profile-service, which owns the org chart, would refuse it after its card
     * had told everyone of a move that never happened.
     */
    private void refuseReportingLoop(InboundEvent event) {
        String login = event.data() == null ? null : event.data().path("login").asText(null);
        String manager = event.data() == null ? null : event.data().path("manager").asText(null);
        if (login == null || manager == null || !people.closesReportingLoop(login, manager)) return;
        throw new MappingException("data.manager: " + (manager.equalsIgnoreCase(login) ? manager + " cannot manage themselves"
                : manager + " reports to " + login + ", directly or not: the org chart would have a loop")
                + " (replay this event once HR has corrected it)");
    }

    /** The person IRI of an active person profile-service announced, else the mapping fails naming {@code field}. */
    private String knownPerson(String login, String field) {
        String iri = person(login, field);
        if (people.byLogin(login).isEmpty()) {
            throw new MappingException(field + ": no person '" + login + "' (unknown to Relais, or has left; replay "
                    + "this event once they exist)");
        }
        return iri;
    }

    /**
     * A title or summary in each language of the template: plain text. The template renders partner values into
     * text, not into HTML: a value such as {@code Smith & Sons <EMEA>} is copied as those characters, never
     * refused and never interpreted; the pages that show the card escape it.
     */
    private static Map<String, String> localised(Values values, String field, Map<String, String> template,
                                                 boolean multiLine) {
        Map<String, String> out = new LinkedHashMap<>();
        template.forEach((lang, text) -> {
            String rendered = values.required(field + "." + lang, text);
            out.put(lang, (multiLine ? TextHygiene.text(rendered) : TextHygiene.line(rendered)).trim());
        });
        if (out.isEmpty()) throw new MappingException("mapping " + field + " has no language");
        return out;
    }

    private static String first(Map<String, String> byLanguage) {
        return byLanguage.getOrDefault("fr", byLanguage.values().iterator().next());
    }

    /** Mentioned people; outside HR each must be an active person profile-service announced. */
    private List<Tag> mentions(Values values, List<String> templates, boolean mustExist) {
        if (templates == null) return null;
        Map<String, String> logins = new LinkedHashMap<>();
        for (String t : templates) {
            String login = values.optional(t);
            if (login != null && !login.isBlank()) logins.putIfAbsent(login, Values.field(t, "mentions"));
        }
        return logins.entrySet().stream().map(l -> Tag.mention(mustExist ? knownPerson(l.getKey(), l.getValue())
                : person(l.getKey(), l.getValue()), l.getKey())).toList();
    }

    private static String person(String login, String field) {
        try {
            return Iri.person(login);
        } catch (IllegalArgumentException e) {
            throw new MappingException(field + ": '" + login + "' is not a login");
        }
    }

    private static Long parseSize(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new MappingException("size '" + text + "' is not a whole number");
        }
    }

    /** Placeholder values of one event. */
    private static final class Values {
        private final InboundEvent event;
        private final Registration registration;

        Values(InboundEvent event, Registration registration) {
            this.event = event;
            this.registration = registration;
        }

        /**
         * The event field a template reads ({@code data.owner} for {@code {{data.owner}}}, the first alternative of
         * a fallback), so a failure names what the sender should fix; {@code fallback} when it reads none.
         */
        static String field(String template, String fallback) {
            if (template == null) return fallback;
            Matcher m = PLACEHOLDER.matcher(template);
            return m.find() ? m.group(1).split("\\|")[0].trim() : fallback;
        }

        /** Every placeholder must resolve, or the mapping is broken for this event. */
        String required(String field, String template) {
            String out = render(template);
            if (out == null) {
                throw new MappingException("mapping " + field + " '" + template + "' names a value this event does not have");
            }
            return out;
        }

        /** Null when a placeholder does not resolve: the field is left out. */
        String optional(String template) {
            if (template == null) return null;
            String out = render(template);
            return out == null || out.isBlank() ? null : out;
        }

        private String render(String template) {
            Matcher m = PLACEHOLDER.matcher(template);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String value = null;
                for (String alternative : m.group(1).split("\\|")) {
                    value = lookup(alternative.trim());
                    if (value != null) break;
                }
                if (value == null) return null;
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            return out.toString();
        }

        private String lookup(String path) {
            return switch (path) {
                case "eventType" -> event.eventType();
                case "eventId" -> event.eventId();
                case "occurredAt" -> event.occurredAt().toString();
                case "system" -> event.system() != null ? event.system() : registration.system();
                case "systemName" -> registration.systemName();
                default -> path.startsWith("data.") ? text(event.data(), path.substring(5)) : null;
            };
        }

        private static String text(JsonNode node, String path) {
            JsonNode n = node;
            for (String part : path.split("\\.")) {
                if (n == null) return null;
                n = n.get(part);
            }
            if (n == null || n.isNull() || n.isMissingNode()) return null;
            if (n.isTextual()) return n.asText();
            if (n.isIntegralNumber()) return n.bigIntegerValue().toString();
            if (n.isNumber()) return n.decimalValue().stripTrailingZeros().toPlainString();
            if (n.isValueNode()) return n.asText();
            return n.toString();
        }
    }
}
