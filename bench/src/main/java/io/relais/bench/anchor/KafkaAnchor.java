package io.relais.bench.anchor;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.relais.bench.harness.LatencySummary;
import io.relais.bench.harness.Progress;
import io.relais.bench.harness.Report;
import io.relais.bench.harness.Section;
import io.relais.events.Activity;
import io.relais.events.ActivityJson;
import io.relais.events.CloudEventAttributes;
import io.relais.events.RecordKey;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Raw Kafka: producer→consumer throughput and end-to-end latency at a fixed rate, with Relais'
 * own CloudEvents (binary mode, AS2 JSON from the activity mix, keys from {@link RecordKey}) and
 * the producer settings of service-kit's publisher ({@code acks=all}, idempotent, linger 2 ms,
 * 64 KiB batches). Runs against the local stack's broker when one answers, else an in-process one.
 */
public final class KafkaAnchor {

    /** The anchor figures other scenarios compare with. */
    public record Figures(String broker, double producePerSecond, double endToEndPerSecond, double megabytesPerSecond,
                          double averageBytes, LatencySummary latency, double latencyRate) {
    }

    private static final String TOPIC = "relais.bench.anchor";
    private static final String SENT_AT = "bench-intended-nanos";

    private KafkaAnchor() {
    }

    public static boolean reachable(String bootstrap) {
        String[] hp = bootstrap.split(",")[0].split(":");
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(hp[0], Integer.parseInt(hp[1])), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static Figures measure(String bootstrapOption, List<Activity> payloads, long records, double rate,
                                  Duration latencyDuration, Section out) throws Exception {
        LocalBroker own = null;
        String bootstrap = bootstrapOption;
        String brokerNote;
        if ("auto".equals(bootstrapOption)) {
            bootstrap = "localhost:9092";
            if (!reachable(bootstrap)) {
                Progress.say("  no broker on localhost:9092: starting one inside the bench JVM");
                own = new LocalBroker();
                bootstrap = own.bootstrap();
            }
        }
        brokerNote = own != null ? "in-process KRaft broker (shares the bench JVM)" : "broker at " + bootstrap;
        try {
            recreateTopic(bootstrap);
            List<ProducerRecord<String, byte[]>> prepared = prepare(payloads);
            double avgBytes = prepared.stream().mapToLong(r -> r.value().length
                    + sum(r.headers().toArray())).average().orElse(0);
            double[] tp = throughput(bootstrap, prepared, records);
            LatencySummary latency = latency(bootstrap, prepared, rate, latencyDuration);
            Figures f = new Figures(brokerNote, tp[0], tp[1], tp[1] * avgBytes / 1e6, avgBytes, latency, rate);
            out.row("produce throughput (" + String.format("%,d", records) + " records, acks=all)",
                    Report.num(f.producePerSecond()) + " records/s")
                    .row("producer→consumer throughput (same run)", Report.num(f.endToEndPerSecond()) + " records/s ("
                            + Report.num(f.megabytesPerSecond()) + " MB/s)")
                    .row("end-to-end latency at " + Report.num(rate) + " records/s for " + latencyDuration.toSeconds() + " s",
                            latency.inline())
                    .note("%s; topic `%s`, 6 partitions, records of %.0f bytes on average (AS2 JSON + ce_* headers) "
                            + "from the activity mix (posts, comments, reactions, business events).", brokerNote, TOPIC, avgBytes)
                    .note("Latency is measured from each record's intended send time (open loop) to its arrival in a "
                            + "consumer polling all partitions.");
            deleteTopic(bootstrap);
            return f;
        } finally {
            if (own != null) own.close();
        }
    }

    private static long sum(Header[] headers) {
        long n = 0;
        for (Header h : headers) n += h.key().length() + (h.value() == null ? 0 : h.value().length);
        return n;
    }

    private static List<ProducerRecord<String, byte[]>> prepare(List<Activity> payloads) {
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>(payloads.size());
        for (Activity a : payloads) {
            CloudEvent event = CloudEventBuilder.v1()
                    .withId(CloudEventAttributes.id(a))
                    .withSource(URI.create(a.generator() != null ? "/connectors/bench" : CloudEventAttributes.FEED_SOURCE))
                    .withType(CloudEventAttributes.type(a))
                    .withSubject(CloudEventAttributes.subject(a))
                    .withTime(a.published().atOffset(ZoneOffset.UTC))
                    .withDataContentType(CloudEventAttributes.DATA_CONTENT_TYPE)
                    .withData(ActivityJson.write(a))
                    .build();
            out.add(KafkaMessageFactory.createWriter(TOPIC, null, null, RecordKey.of(a)).writeBinary(event));
        }
        return out;
    }

    /** {produce records/s, producer→consumer records/s}. */
    private static double[] throughput(String bootstrap, List<ProducerRecord<String, byte[]>> prepared, long records)
            throws Exception {
        AtomicLong consumed = new AtomicLong();
        AtomicLong acked = new AtomicLong();
        CountDownLatch ready = new CountDownLatch(1);
        long[] lastConsumed = new long[1];
        Thread consumer = consumerThread(bootstrap, ready, (r, now) -> {
            if (consumed.incrementAndGet() == records) lastConsumed[0] = now;
        }, () -> consumed.get() >= records);
        consumer.start();
        ready.await(30, TimeUnit.SECONDS);
        Progress progress = Progress.start("kafka throughput", () -> String.format("%,d acked, %,d consumed of %,d",
                acked.get(), consumed.get(), records));
        long start;
        long lastAck;
        try (KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
            start = System.nanoTime();
            long[] last = new long[1];
            for (long i = 0; i < records; i++) {
                ProducerRecord<String, byte[]> r = prepared.get((int) (i % prepared.size()));
                producer.send(new ProducerRecord<>(TOPIC, null, r.key(), r.value(), r.headers()), (m, e) -> {
                    if (e == null && acked.incrementAndGet() == records) last[0] = System.nanoTime();
                });
            }
            producer.flush();
            lastAck = last[0] == 0 ? System.nanoTime() : last[0];
        }
        consumer.join(TimeUnit.MINUTES.toMillis(5));
        progress.stop();
        double produce = records / ((lastAck - start) / 1e9);
        double e2e = lastConsumed[0] == 0 ? Double.NaN : records / ((lastConsumed[0] - start) / 1e9);
        return new double[]{produce, e2e};
    }

    private static LatencySummary latency(String bootstrap, List<ProducerRecord<String, byte[]>> prepared, double rate,
                                          Duration duration) throws Exception {
        long total = Math.round(rate * duration.toNanos() / 1e9);
        Histogram h = LatencySummary.newMicrosHistogram();
        AtomicLong received = new AtomicLong();
        CountDownLatch ready = new CountDownLatch(1);
        Thread consumer = consumerThread(bootstrap, ready, (r, now) -> {
            Header sent = r.headers().lastHeader(SENT_AT);
            if (sent != null) {
                synchronized (h) {
                    h.recordValue(Math.max(0, (now - ByteBuffer.wrap(sent.value()).getLong()) / 1000));
                }
                received.incrementAndGet();
            }
        }, () -> received.get() >= total);
        consumer.start();
        ready.await(30, TimeUnit.SECONDS);
        Progress progress = Progress.start("kafka latency", () -> String.format("%,d of %,d received", received.get(), total));
        try (KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
            long period = Math.round(1e9 / rate);
            long start = System.nanoTime() + 10_000_000L;
            for (long i = 0; i < total; i++) {
                long intended = start + i * period;
                long wait;
                while ((wait = intended - System.nanoTime()) > 0) LockSupport.parkNanos(wait);
                ProducerRecord<String, byte[]> r = prepared.get((int) (i % prepared.size()));
                ProducerRecord<String, byte[]> copy = new ProducerRecord<>(TOPIC, null, r.key(), r.value(), r.headers());
                copy.headers().add(SENT_AT, ByteBuffer.allocate(8).putLong(intended).array());
                producer.send(copy);
            }
        }
        consumer.join(TimeUnit.SECONDS.toMillis(60));
        consumer.interrupt();
        progress.stop();
        synchronized (h) {
            return LatencySummary.ofMicros(h);
        }
    }

    interface OnRecord {
        void accept(ConsumerRecord<String, byte[]> r, long nowNanos);
    }

    /** A consumer positioned at the end of every partition before {@code ready} opens. */
    private static Thread consumerThread(String bootstrap, CountDownLatch ready, OnRecord onRecord,
                                         java.util.function.BooleanSupplier done) {
        Thread t = new Thread(() -> {
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
            try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p)) {
                List<TopicPartition> parts = c.partitionsFor(TOPIC).stream()
                        .map(i -> new TopicPartition(TOPIC, i.partition())).toList();
                c.assign(parts);
                c.seekToEnd(parts);
                parts.forEach(c::position); // resolve the end offsets now, before anything is produced
                ready.countDown();
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
                while (!done.getAsBoolean() && System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
                    for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(100))) {
                        onRecord.accept(r, System.nanoTime());
                    }
                }
            } catch (org.apache.kafka.common.errors.InterruptException e) {
                // stopped
            }
        }, "bench-consumer");
        t.setDaemon(true);
        return t;
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "65536");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    private static void recreateTopic(String bootstrap) throws Exception {
        deleteTopic(bootstrap);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            // a just-deleted topic may still be marked for deletion for a moment: retry, bounded
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                    .pollInterval(java.time.Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> {
                        admin.createTopics(List.of(new NewTopic(TOPIC, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
                        return true;
                    });
        }
    }

    private static void deleteTopic(String bootstrap) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            if (admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(TOPIC)) {
                admin.deleteTopics(List.of(TOPIC)).all().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            Progress.say("  could not delete %s: %s", TOPIC, e.getMessage());
        }
    }
}
