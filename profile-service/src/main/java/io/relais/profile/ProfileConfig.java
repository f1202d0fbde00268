package io.relais.profile;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Typed settings of profile-service ({@code profile.*}). */
@ConfigMapping(prefix = "profile")
public interface ProfileConfig {

    /**
     * Base URL under which clients reach this API with a bearer token, at least its photo path
     * ({@code /api/people/<login>/photo}): the photo URLs of {@code relais.profiles} snapshots start with it. Answers do
     * not use it (their {@code photoUrl} is relative to the origin they came from).
     */
    @WithDefault("http://localhost:8082")
    String publicUrl();

    Photo photo();

    Directory directory();

    interface Photo {
        /** Largest accepted photo upload, checked before anything is stored. */
        @WithDefault("2097152")
        int maxBytes();

        /** Widest and tallest accepted photo, in pixels, read from the image header before any pixel is decoded. */
        @WithDefault("4096")
        int maxDimension();
    }

    interface Directory {
        @WithDefault("20")
        int defaultPageSize();

        @WithDefault("100")
        int maxPageSize();
    }
}
