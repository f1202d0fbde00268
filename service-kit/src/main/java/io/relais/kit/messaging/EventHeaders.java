package io.relais.kit.messaging;

import io.relais.events.CloudEventAttributes;
import io.relais.events.Iri;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a record announces in its CloudEvents binary-mode headers, read without parsing its value: the
 * activity type ({@code ce_type} {@code relais.activity.<type>}, see {@link CloudEventAttributes#type}) and the
 * object it is about ({@code ce_subject}, the object's IRI, see {@link CloudEventAttributes#subject}).
 *
 * <p>A consumer uses it to pass over, for two header look-ups instead of a JSON parse and a validation, the
 * records it has no use for (the community directory of connector-service and a card, the link previewer and a
 * reaction). Headers are a routing hint, never a fact: they only ever decide that a record is <em>not</em> looked
 * at; whatever a consumer applies is read from the value and checked by {@link SourceCheck} as before. A record
 * that lacks either header, or whose {@code ce_type} is not a Relais activity type, is not {@linkplain
 * #skippable skippable}: it is read in full, so a malformed record is still refused and dead-lettered with its
 * reason by every consumer.
 *
 * @param type    the AS2 activity type as the header spells it, lower case ({@code create}, {@code like}…)
 * @param subject the {@code ce_subject} header: the IRI of the activity's object (or of the activity itself)
 */
public record EventHeaders(String type, String subject) {

    /** The Kafka header of the CloudEvents {@code type} attribute in binary mode. */
    public static final String CE_TYPE = "ce_type";
    /** The Kafka header of the CloudEvents {@code subject} attribute in binary mode. */
    public static final String CE_SUBJECT = "ce_subject";

    /** Both headers of a record, if it carries them and its type is a Relais activity type. */
    public static Optional<EventHeaders> of(Headers headers) {
        String type = value(headers, CE_TYPE);
        String subject = value(headers, CE_SUBJECT);
        if (type == null || subject == null || subject.isEmpty()
                || !type.startsWith(CloudEventAttributes.TYPE_PREFIX) || type.length() == CloudEventAttributes.TYPE_PREFIX.length()) {
            return Optional.empty();
        }
        return Optional.of(new EventHeaders(type.substring(CloudEventAttributes.TYPE_PREFIX.length()), subject));
    }

    /**
     * True when the record announces, in both headers, something the consumer does not want: it may be passed
     * over unread. False when it is wanted or does not announce itself (it must then be read in full).
     *
     * @param wanted what the consumer reads, tested on the headers
     */
    public static boolean skippable(Headers headers, Predicate<EventHeaders> wanted) {
        Optional<EventHeaders> announced = of(headers);
        return announced.isPresent() && !wanted.test(announced.get());
    }

    /** Whether the activity type is one of these AS2 types ({@code As2.CREATE}…), compared without case. */
    public boolean isOneOf(String... as2Types) {
        for (String t : as2Types) {
            if (type.equals(t.toLowerCase(Locale.ROOT))) return true;
        }
        return false;
    }

    /** Whether the subject is a Relais IRI of one of these kinds ({@code Iri.POST}…). */
    public boolean subjectIsKind(String... kinds) {
        Optional<String> kind = Iri.kind(subject);
        if (kind.isEmpty()) return false;
        for (String k : kinds) {
            if (kind.get().equals(k)) return true;
        }
        return false;
    }

    private static String value(Headers headers, String name) {
        if (headers == null) return null;
        Header h = headers.lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
