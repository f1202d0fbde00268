package io.relais.feed.boundary;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The service with the limits every service has in production, made small enough to reach in a test:
 * throttling on (3 writes at once per person, then 6 a minute; GETs of feeds count as searches), and a
 * 64 KiB body limit.
 */
public class BoundaryProfile implements QuarkusTestProfile {

    public static final int WRITES_BURST = 3;
    public static final int SEARCHES_BURST = 5;
    public static final int MAX_BODY = 64 * 1024;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "relais.throttle.enabled", "true",
                "relais.throttle.writes-burst", Integer.toString(WRITES_BURST),
                "relais.throttle.writes-per-minute", "6",
                "relais.throttle.connector-burst", "2",
                "relais.throttle.connector-per-minute", "6",
                "relais.throttle.searches-burst", Integer.toString(SEARCHES_BURST),
                "relais.throttle.searches-per-minute", "6",
                "relais.throttle.search-paths", "/api/feed",
                "quarkus.http.limits.max-body-size", "64K");
    }
}
