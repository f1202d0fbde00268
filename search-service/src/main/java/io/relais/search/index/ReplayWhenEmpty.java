package io.relais.search.index;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When the index directory was created empty at this start (first run, lost disk, new replica), the
 * consumer group's committed offsets describe an index that no longer exists: read every assigned
 * partition from its beginning once, so the new index holds everything the topics hold.
 */
@ApplicationScoped
@Identifier("search-replay-when-empty")
public class ReplayWhenEmpty implements KafkaConsumerRebalanceListener {

    private static final Logger LOG = Logger.getLogger(ReplayWhenEmpty.class);

    @Inject
    SearchIndex index;

    private final Set<TopicPartition> replayed = ConcurrentHashMap.newKeySet();

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (!index.startedEmpty()) return;
        List<TopicPartition> fresh = partitions.stream().filter(replayed::add).toList();
        if (!fresh.isEmpty()) {
            consumer.seekToBeginning(fresh);
            LOG.infof("search index started empty: replaying %s from the beginning", fresh);
        }
    }
}
