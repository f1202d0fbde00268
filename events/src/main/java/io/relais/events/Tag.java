package io.relais.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** An AS2 tag: a {@code Mention} of a person ({@code href} = person IRI) or a {@code Hashtag}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Tag(String type, String href, String name) {

    public static Tag mention(String personIri, String name) {
        return new Tag(As2.MENTION, personIri, name.startsWith("@") ? name : "@" + name);
    }

    public static Tag hashtag(String tag) {
        String bare = tag.startsWith("#") ? tag.substring(1) : tag;
        return new Tag(As2.HASHTAG, Iri.hashtag(bare), "#" + bare);
    }
}
