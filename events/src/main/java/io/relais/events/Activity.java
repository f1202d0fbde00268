package io.relais.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An AS2 activity, the payload of every record on {@code relais.activities}.
 *
 * @param generator the application that produced it (a business system for connector events)
 * @param relais    extension object for what AS2 has no word for
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Activity(
        @JsonProperty("@context") Object jsonLdContext,
        String id,
        String type,
        @JsonDeserialize(using = IriOrObject.class) String actor,
        @JsonDeserialize(using = ObjectOrIri.class) AsObject object,
        @JsonDeserialize(using = IriOrObject.class) String target,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> to,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> cc,
        String summary,
        Map<String, String> summaryMap,
        Instant published,
        @JsonDeserialize(using = ObjectOrIri.class) AsObject generator,
        Map<String, Object> relais) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id; b.type = type; b.actor = actor; b.object = object; b.target = target; b.to = to; b.cc = cc;
        b.summary = summary; b.summaryMap = summaryMap; b.published = published; b.generator = generator;
        b.relais = relais;
        return b;
    }

    /**
     * Everyone the activity is addressed to: its own {@code to}/{@code cc} and its object's (AS2 lets
     * either carry the addressing; a Create copies the object's audience).
     */
    @JsonIgnore
    public Set<String> audience() {
        Set<String> all = new LinkedHashSet<>();
        if (to != null) all.addAll(to);
        if (cc != null) all.addAll(cc);
        if (object != null) all.addAll(object.audience());
        return all;
    }

    public static final class Builder {
        private String id = Iri.of(Iri.ACTIVITY, EventId.next());
        private String type, actor, target, summary;
        private AsObject object, generator;
        private List<String> to, cc;
        private Map<String, String> summaryMap;
        private Instant published = Instant.now();
        private Map<String, Object> relais;

        public Builder id(String v) { id = v; return this; }
        public Builder type(String v) { type = v; return this; }
        public Builder actor(String v) { actor = v; return this; }
        public Builder object(AsObject v) { object = v; return this; }
        public Builder target(String v) { target = v; return this; }
        public Builder to(List<String> v) { to = v; return this; }
        public Builder to(String... v) { to = List.of(v); return this; }
        public Builder cc(List<String> v) { cc = v; return this; }
        public Builder cc(String... v) { cc = List.of(v); return this; }
        public Builder summary(String v) { summary = v; return this; }
        public Builder summaryMap(Map<String, String> v) { summaryMap = v; return this; }
        public Builder published(Instant v) { published = v; return this; }
        public Builder generator(AsObject v) { generator = v; return this; }
        public Builder relais(Map<String, Object> v) { relais = v; return this; }

        public Activity build() {
            return new Activity(As2.CONTEXT, id, type, actor, object, target, to, cc, summary, summaryMap, published,
                    generator, relais);
        }
    }
}
