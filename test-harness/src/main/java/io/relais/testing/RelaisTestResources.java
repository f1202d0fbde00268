package io.relais.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Everything a Relais service test needs, started once per test JVM: a real Kafka broker, the
 * embedded MongoDB-wire server, and quarkus-oidc verifying tokens signed by {@link TestTokens}.
 * Use with {@code @WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)}.
 */
public class RelaisTestResources implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "kafka.bootstrap.servers", KafkaBroker.shared().bootstrapServers(),
                "quarkus.mongodb.connection-string", EmbeddedStore.shared().connectionString(),
                "quarkus.oidc.public-key", TestTokens.publicKeyBase64(),
                "quarkus.oidc.token.issuer", TestTokens.ISSUER);
    }

    @Override
    public void stop() {
        // shared for the whole JVM; the shutdown hooks stop them
    }
}
