package io.relais.e2e;

import io.restassured.RestAssured;
import io.restassured.config.RestAssuredConfig;
import io.restassured.filter.log.LogDetail;

/**
 * The suites' RestAssured log: each request and its answer are printed in full when an assertion on them fails,
 * and not at all otherwise.
 *
 * <p>Why not {@code RestAssured.enableLoggingOfRequestAndResponseIfValidationFails()}: it turns pretty-printing on,
 * and RestAssured then formats every request body it records, passed or not. The hostile-input corpus sends 11 MiB
 * bodies; formatting each one as a Groovy collection cost the test JVM a full core for about a minute of the
 * suite. Unformatted, a failure still shows the exchange as it went over the wire.
 */
public final class FailedExchangeLog {

    private FailedExchangeLog() {
    }

    /**
     * Turns the failure log on in {@link RestAssured#config}, keeping the rest of the configuration already set
     * (redirects, timeouts). Idempotent.
     */
    public static void enable() {
        RestAssuredConfig config = RestAssured.config();
        RestAssured.config = config.logConfig(config.getLogConfig()
                .enableLoggingOfRequestAndResponseIfValidationFails(LogDetail.ALL)
                .enablePrettyPrinting(false));
    }
}
