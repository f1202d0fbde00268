package io.relais.feed.sanitize;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits on what people may write: they keep documents small and pages cheap on the keyed store. */
@ConfigMapping(prefix = "feed.limits")
public interface InputLimits {

    /** Characters of HTML a post may hold before sanitising. */
    @WithDefault("10000")
    int postLength();

    @WithDefault("5000")
    int commentLength();

    @WithDefault("20")
    int mentionsPerPost();

    @WithDefault("30")
    int hashtagsPerPost();

    @WithDefault("4")
    int attachmentsPerPost();

    /** Bytes of one attachment (GridFS on the embedded store is slow with big files). */
    @WithDefault("5242880")
    long attachmentBytes();

    /** Largest page a client may ask for. */
    @WithDefault("50")
    int pageSize();

    /** Communities one person may belong to: bounds the per-person membership document. */
    @WithDefault("500")
    int communitiesPerPerson();

    /**
     * Bytes of a member import body ({@code POST /api/communities/{slug}/members}): 5,000 logins of up to
     * 200 characters fit; anything bigger is refused (413) before it is parsed.
     */
    @WithDefault("2097152")
    long memberImportBytes();

    /** Follows one person may hold: bounds the per-person follow document. */
    @WithDefault("2000")
    int followsPerPerson();
}
