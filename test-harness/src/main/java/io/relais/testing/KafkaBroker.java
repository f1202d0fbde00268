package io.relais.testing;

import io.relais.events.Topics;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node KRaft Kafka broker, in this JVM, on free ports, with Relais' topics created
 * explicitly. Started once per test JVM ({@link #shared()}), stopped at JVM exit.
 */
public final class KafkaBroker {

    private static KafkaBroker shared;

    private final Path dataDir;
    private final int port;
    private KafkaRaftServer server;

    private KafkaBroker(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    /**
     * The broker of this test JVM, started on first use on two free ports ({@link #startOnFreePorts}).
     *
     * @throws IllegalStateException if the broker does not start (or its topics cannot be created) within 60 s
     */
    public static synchronized KafkaBroker shared() {
        if (shared == null) {
            shared = startOnFreePorts(KafkaBroker::freePort);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "kafka-broker-stop"));
        }
        return shared;
    }

    /** Where a broker's next port comes from (a free port, in {@link #shared()}). */
    @FunctionalInterface
    interface PortPicker {
        int next() throws IOException;
    }

    /**
     * Starts a broker on two ports from {@code ports} (client, then controller).
     *
     * <p>A port is picked free, then bound a moment later: another process (the tests of another module, run at the
     * same time by {@code mvnw -T}) can take it in between. A start that fails on a taken port is retried on two new
     * ports, up to three attempts in all; any other failure is thrown at once.
     */
    static KafkaBroker startOnFreePorts(PortPicker ports) {
        for (int attempt = 1; ; attempt++) {
            KafkaBroker broker;
            int controllerPort;
            try {
                broker = new KafkaBroker(Files.createTempDirectory("relais-kafka-"), ports.next());
                controllerPort = ports.next();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                broker.start(controllerPort);
                return broker;
            } catch (RuntimeException e) {
                broker.stopQuietly();
                if (attempt < 3 && portTaken(e)) continue;
                throw e;
            }
        }
    }

    private static boolean portTaken(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException) return true;
        }
        return false;
    }

    /** After a failed start: shuts down what started (no wait for a shutdown that may never complete). */
    private void stopQuietly() {
        try {
            if (server != null) server.shutdown();
        } catch (RuntimeException ignored) {
            // a half-started broker may not shut down cleanly: its threads end with the test JVM
        }
        server = null;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    private void start(int controllerPort) {
        try {
            Properties props = new Properties();
            props.put("process.roles", "broker,controller");
            props.put("node.id", "1");
            props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
            props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
            props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
            props.put("controller.listener.names", "CONTROLLER");
            props.put("inter.broker.listener.name", "PLAINTEXT");
            props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            props.put("log.dirs", dataDir.resolve("logs").toString());
            props.put("offsets.topic.replication.factor", "1");
            props.put("offsets.topic.num.partitions", "3");
            props.put("transaction.state.log.replication.factor", "1");
            props.put("transaction.state.log.min.isr", "1");
            props.put("share.coordinator.state.topic.replication.factor", "1");
            props.put("share.coordinator.state.topic.min.isr", "1");
            props.put("group.initial.rebalance.delay.ms", "0");
            props.put("auto.create.topics.enable", "false");
            props.put("num.partitions", "1");
            Path propsFile = dataDir.resolve("server.properties");
            try (Writer w = Files.newBufferedWriter(propsFile)) {
                props.store(w, "relais test broker");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            kafka.tools.StorageTool.execute(new String[]{"format", "-t", Uuid.randomUuid().toString(), "-c",
                    propsFile.toString(), "--ignore-formatted"}, new PrintStream(out));
            server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
            awaitReadyAndCreateTopics();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReadyAndCreateTopics() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) break;
                } catch (Exception e) {
                    if (System.nanoTime() > deadline) throw new IllegalStateException("Kafka broker did not start", e);
                }
            }
            List<NewTopic> topics = Topics.ALL.stream()
                    .map(t -> new NewTopic(t.name(), t.partitions(), (short) 1).configs(t.config())).toList();
            admin.createTopics(topics).values().forEach((name, f) -> {
                try {
                    f.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) throw new IllegalStateException(e);
                } catch (Exception e) {
                    throw new IllegalStateException("could not create " + name, e);
                }
            });
        }
    }

    /** Creates an extra topic (for tests of services that own one). */
    public void createTopic(String name, int partitions, Map<String, String> config) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(config))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops the broker and removes its data folder. */
    synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
            try (var files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // temp dir: the OS cleans it eventually
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }
}
