package io.relais.kit.throttle;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;

/**
 * Throttling limits ({@code relais.throttle.*}), per service. Each limit is a token bucket: up to {@code burst}
 * requests at once, refilled at {@code per-minute}. Defaults stop a flood (300 posts in 6 s by one person:
 * 72 pass; 2,000 connector calls in 7 s by one client: 340 pass) and leave a person's and a business system's
 * normal pace, the seed scripts and the e2e suite alone. The bench raises or switches them off through the
 * environment ({@code RELAIS_THROTTLE_ENABLED=false ./relais up}).
 */
@ConfigMapping(prefix = "relais.throttle")
public interface ThrottleConfig {

    /** Off in the test profile of each service (tests that are about throttling switch it on). */
    @WithDefault("true")
    boolean enabled();

    /** Writes (POST, PUT, PATCH, DELETE) one person may make at once. */
    @WithDefault("60")
    long writesBurst();

    /** Writes a person gets back per minute. */
    @WithDefault("120")
    long writesPerMinute();

    /** Writes one connector client ({@code azp} of a client-credentials token) may make at once. */
    @WithDefault("200")
    long connectorBurst();

    /** Writes a connector client gets back per minute. */
    @WithDefault("1200")
    long connectorPerMinute();

    /** Searches (GET under {@link #searchPaths()}) one person or one connector client may make at once. */
    @WithDefault("120")
    long searchesBurst();

    /** Searches a person or a connector client gets back per minute. */
    @WithDefault("600")
    long searchesPerMinute();

    /** Path prefixes whose GETs count as searches. */
    @WithDefault("/api/search")
    List<String> searchPaths();
}
