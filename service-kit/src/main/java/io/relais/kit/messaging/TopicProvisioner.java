package io.relais.kit.messaging;

import io.quarkus.runtime.StartupEvent;
import io.relais.events.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Creates Relais' topics with their partitions and settings when they are missing (the broker never
 * auto-creates them). In production the topics come from Strimzi KafkaTopic resources and this is
 * switched off ({@code relais.kafka.provision-topics=false}).
 */
@ApplicationScoped
public class TopicProvisioner {

    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);

    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
    String bootstrapServers;

    @ConfigProperty(name = "relais.kafka.provision-topics", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "relais.kafka.replication-factor")
    Optional<Short> replicationFactor;

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            provision(bootstrapServers, replicationFactor.orElse((short) 1));
        }
    }

    public static void provision(String bootstrapServers, short replicationFactor) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000))) {
            List<NewTopic> topics = Topics.ALL.stream()
                    .map(t -> new NewTopic(t.name(), t.partitions(), replicationFactor).configs(t.config()))
                    .toList();
            admin.createTopics(topics).values().forEach((name, future) -> {
                try {
                    future.get(15, TimeUnit.SECONDS);
                    LOG.infof("created topic %s", name);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        LOG.warnf("could not create topic %s: %s", name, e.getCause().getMessage());
                    }
                } catch (Exception e) {
                    LOG.warnf("could not create topic %s: %s", name, e.getMessage());
                }
            });
        }
    }
}
