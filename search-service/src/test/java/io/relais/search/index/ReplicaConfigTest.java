package io.relais.search.index;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped configuration, resolved as two replicas see it: each has its own consumer group (so each
 * reads every partition into a full index) and its index on its data volume.
 */
class ReplicaConfigTest {

    static SmallRyeConfig as(Map<String, String> environment) throws IOException {
        return new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(ReplicaConfigTest.class.getResource("/application.properties"), 250))
                .withSources(new PropertiesConfigSource(environment, "environment", 300))
                .build();
    }

    @Test
    void twoReplicasConsumeWithTwoGroups() throws IOException {
        SmallRyeConfig first = as(Map.of("HOSTNAME", "search-service-0"));
        SmallRyeConfig second = as(Map.of("HOSTNAME", "search-service-1"));
        for (String channel : new String[]{"activities", "profiles"}) {
            String key = "mp.messaging.incoming." + channel + ".group.id";
            assertThat(first.getValue(key, String.class)).isEqualTo("search-service-search-service-0");
            assertThat(second.getValue(key, String.class)).isEqualTo("search-service-search-service-1");
        }
    }

    @Test
    void aConfiguredReplicaIdWinsOverTheHostName() throws IOException {
        SmallRyeConfig c = as(Map.of("HOSTNAME", "pod-x", "RELAIS_SEARCH_REPLICA_ID", "eu-1"));
        assertThat(c.getValue("mp.messaging.incoming.activities.group.id", String.class)).isEqualTo("search-service-eu-1");
    }

    @Test
    void theIndexLivesUnderTheDataDirectory() throws IOException {
        Map<String, String> env = new HashMap<>(Map.of("RELAIS_DATA_DIR", "/data"));
        assertThat(as(env).getValue("search.index-dir", String.class)).isEqualTo("/data/search-index");
        assertThat(as(Map.of("RELAIS_HOME", "/srv/relais")).getValue("search.index-dir", String.class))
                .isEqualTo("/srv/relais/data/search-index");
    }
}
