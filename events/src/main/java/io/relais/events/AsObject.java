package io.relais.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An AS2 object (Note, Article, Document, Person, Group, Tombstone, Application…). Fields are the
 * AS2 vocabulary; domain detail that AS2 has no word for (a deal amount, a community visibility)
 * lives in the {@code relais} extension object.
 *
 * @param context   AS2 {@code context}: for a comment, the IRI of the thread's root post
 * @param relais    extension object: business fields, community visibility, profile fields…
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AsObject(
        String id,
        String type,
        String name,
        Map<String, String> nameMap,
        String summary,
        Map<String, String> summaryMap,
        String content,
        Map<String, String> contentMap,
        String mediaType,
        String url,
        @JsonDeserialize(using = IriOrObject.class) String attributedTo,
        @JsonDeserialize(using = IriOrObject.class) String inReplyTo,
        @JsonDeserialize(using = IriOrObject.class) String context,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> to,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> cc,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<Tag> tag,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        @JsonDeserialize(contentUsing = ObjectOrIri.class) List<AsObject> attachment,
        @JsonDeserialize(using = ObjectOrIri.class) AsObject icon,
        String formerType,
        Long size,
        Instant published,
        Instant updated,
        Instant deleted,
        Map<String, Object> relais) {

    /** A reference to an object known only by its IRI (AS2 allows an IRI wherever an object goes). */
    public static AsObject ref(String id) {
        return builder().id(id).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id; b.type = type; b.name = name; b.nameMap = nameMap; b.summary = summary;
        b.summaryMap = summaryMap; b.content = content; b.contentMap = contentMap; b.mediaType = mediaType;
        b.url = url; b.attributedTo = attributedTo; b.inReplyTo = inReplyTo; b.context = context;
        b.to = to; b.cc = cc; b.tag = tag; b.attachment = attachment; b.icon = icon; b.formerType = formerType;
        b.size = size; b.published = published; b.updated = updated; b.deleted = deleted; b.relais = relais;
        return b;
    }

    /** Everyone the object is addressed to ({@code to} ∪ {@code cc}). */
    public Set<String> audience() {
        Set<String> all = new LinkedHashSet<>();
        if (to != null) all.addAll(to);
        if (cc != null) all.addAll(cc);
        return all;
    }

    public List<String> mentions() {
        return tagHrefs(As2.MENTION);
    }

    public List<String> hashtags() {
        return tagHrefs(As2.HASHTAG);
    }

    private List<String> tagHrefs(String type) {
        List<String> out = new ArrayList<>();
        if (tag != null) {
            for (Tag t : tag) {
                if (type.equals(t.type()) && t.href() != null) out.add(t.href());
            }
        }
        return out;
    }

    /** The IRI of the thread this object belongs to: its {@code context}, else itself. */
    public String threadRoot() {
        return context != null ? context : id;
    }

    public static final class Builder {
        private String id, type, name, summary, content, mediaType, url, attributedTo, inReplyTo, context, formerType;
        private Map<String, String> nameMap, summaryMap, contentMap;
        private List<String> to, cc;
        private List<Tag> tag;
        private List<AsObject> attachment;
        private AsObject icon;
        private Long size;
        private Instant published, updated, deleted;
        private Map<String, Object> relais;

        public Builder id(String v) { id = v; return this; }
        public Builder type(String v) { type = v; return this; }
        public Builder name(String v) { name = v; return this; }
        public Builder nameMap(Map<String, String> v) { nameMap = v; return this; }
        public Builder summary(String v) { summary = v; return this; }
        public Builder summaryMap(Map<String, String> v) { summaryMap = v; return this; }
        public Builder content(String v) { content = v; return this; }
        public Builder contentMap(Map<String, String> v) { contentMap = v; return this; }
        public Builder mediaType(String v) { mediaType = v; return this; }
        public Builder url(String v) { url = v; return this; }
        public Builder attributedTo(String v) { attributedTo = v; return this; }
        public Builder inReplyTo(String v) { inReplyTo = v; return this; }
        public Builder context(String v) { context = v; return this; }
        public Builder to(List<String> v) { to = v; return this; }
        public Builder to(String... v) { to = List.of(v); return this; }
        public Builder cc(List<String> v) { cc = v; return this; }
        public Builder cc(String... v) { cc = List.of(v); return this; }
        public Builder tag(List<Tag> v) { tag = v; return this; }
        public Builder attachment(List<AsObject> v) { attachment = v; return this; }
        public Builder icon(AsObject v) { icon = v; return this; }
        public Builder formerType(String v) { formerType = v; return this; }
        public Builder size(Long v) { size = v; return this; }
        public Builder published(Instant v) { published = v; return this; }
        public Builder updated(Instant v) { updated = v; return this; }
        public Builder deleted(Instant v) { deleted = v; return this; }
        public Builder relais(Map<String, Object> v) { relais = v; return this; }

        public AsObject build() {
            return new AsObject(id, type, name, nameMap, summary, summaryMap, content, contentMap, mediaType, url,
                    attributedTo, inReplyTo, context, to, cc, tag, attachment, icon, formerType, size, published,
                    updated, deleted, relais);
        }
    }
}
