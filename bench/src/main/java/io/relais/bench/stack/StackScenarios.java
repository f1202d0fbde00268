package io.relais.bench.stack;

import io.relais.bench.Bench;
import io.relais.bench.anchor.KafkaAnchor;
import io.relais.bench.anchor.LuceneAnchor;
import io.relais.bench.anchor.StoreAnchor;
import io.relais.bench.company.Texts;
import io.relais.bench.harness.LatencySummary;
import io.relais.bench.harness.OpenLoop;
import io.relais.bench.harness.Progress;
import io.relais.bench.harness.Report;
import io.relais.bench.harness.Section;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * The scenarios that drive the running local stack ({@code ./relais up}) through its public APIs,
 * each next to its raw anchor measured in the same run. A scenario that cannot run says why.
 */
public final class StackScenarios {

    private static final String[] HEADERS = {"Measure", "Relais", "Anchor (raw)", "Ratio", "Goal"};

    private final Bench bench;
    private final StackClient stack;
    private final Footprint footprint;
    private final String run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
    private final AtomicLong seq = new AtomicLong();
    private final String reader;
    private final String readerPassword;
    private Footprint.Sample idle;
    private Ingest lastIngest;

    /** What the sustained ingest observed, for the footprint scenario. */
    record Ingest(long events, Footprint.Sample before, Footprint.Sample after, Map<String, Double> peakRss,
                  Map<String, Double> commandsBefore, Map<String, Double> commandsAfter,
                  Map<String, double[]> upkeepBefore, Map<String, double[]> upkeepAfter) {
    }

    public StackScenarios(Bench bench) {
        this.bench = bench;
        this.stack = new StackClient(System.getenv());
        this.footprint = Footprint.ofStack(bench.repo());
        this.reader = bench.options().string("reader", "alice");
        this.readerPassword = bench.options().string("reader-password", reader);
    }

    public List<Section> run(String scenario) throws Exception {
        if (idle == null) idle = footprint.sample(); // before any stack load of this run
        String missing = switch (scenario) {
            case "freshness" -> stack.notReady("connector", "feed", "search");
            case "ingest" -> stack.notReady("connector", "feed", "search");
            case "feed" -> stack.notReady("connector", "feed");
            case "search" -> stack.notReady("search");
            default -> null;
        };
        if (missing != null) {
            return List.of(new Section(title(scenario)).note("**Not run**: %s.", missing));
        }
        return switch (scenario) {
            case "freshness" -> List.of(freshness());
            case "ingest" -> List.of(ingest());
            case "feed" -> List.of(homeFeed());
            case "community" -> List.of(community());
            case "search" -> List.of(search());
            case "footprint" -> List.of(footprint());
            default -> throw new IllegalArgumentException(scenario);
        };
    }

    private static String title(String scenario) {
        return switch (scenario) {
            case "freshness" -> "1. Freshness: connector POST → visible in home feed and search";
            case "ingest" -> "2. Sustained ingest through connector-service, and fan-out";
            case "feed" -> "3. Home feed read (page of 20) under ingest";
            case "community" -> "4. Community fan-out (1k / 10k / 50k members)";
            case "search" -> "5. Search with permission trimming";
            case "footprint" -> "6. Footprint";
            default -> scenario;
        };
    }

    private Connector connector() {
        Connector c = new Connector(stack, bench.company(), run,
                bench.options().string("connector-secret", "crm-connector-secret"));
        c.ensureRegistered();
        c.ensureTeam(bench.options().string("author", "bob"), bench.options().string("author-password",
                bench.options().string("author", "bob")));
        return c;
    }

    // ------------------------------------------------------------------ 1. freshness

    /** How content enters for a scenario: a business event through connector-service, or an employee's post. */
    @FunctionalInterface
    interface Publisher {
        /** Publishes item {@code n} carrying {@code marker}; returns the IRI that shows up in feeds and search. */
        String publish(long n, String marker);
    }

    private Section freshness() throws Exception {
        Section s = new Section(title("freshness"), HEADERS);
        KafkaAnchor.Figures kafka = bench.kafka();
        String token = stack.personToken(reader, readerPassword);
        double rate = bench.options().decimal("fresh-rate", 1);
        Duration duration = bench.options().seconds("fresh-seconds", 30);
        for (String via : bench.options().string("fresh-via", "connector,feed").split(",")) {
            if (via.equals("connector")) {
                // cards addressed to a community reach its members' home feeds: one community per audience size,
                // the reader imported last of its members
                Connector connector = connector();
                for (String size : bench.options().string("fresh-members", "10,1000,10000").split(",")) {
                    int members = Integer.parseInt(size.trim());
                    Communities.Built team = communities().ensure("bench-fresh-" + members, members, reader);
                    connector.awaitMappable(team.slug());
                    Publisher publisher = (n, marker) -> connector.send(seq.incrementAndGet(), marker, team.slug());
                    String what = "`POST /api/connectors/crm/events` (`opportunity.won` for the public community `"
                            + team.slug() + "`, " + String.format(Locale.ROOT, "%,d", team.members()) + " members, crm-connector)";
                    freshness(s, "connector, " + String.format(Locale.ROOT, "%,d", team.members()) + " members", what,
                            publisher, reader, token, rate, duration, kafka);
                }
            } else {
                Poster poster = poster();
                freshness(s, "feed", "`POST /api/posts` by " + poster.login() + " (organisation-wide)", poster::post,
                        reader, token, rate, duration, kafka);
            }
        }
        s.note("Audience sizes: the connector's cards go to public communities of 10, 1,000 and 10,000 members (made with "
                + "the bulk member import, the reader last; each series starts once every consumer has applied the import's "
                + "Join activities); feed-service pushes a card into each member's home timeline when "
                + "the community's audience is at most `feed.fanout.pull-threshold` (500 since issue 18, 2,000 before) and merges the community's "
                + "timeline on read above it. Employees' organisation-wide posts are always merged on read from the "
                + "organisation's timeline, so no follower count enters that path.");
        return s;
    }

    private Communities communities() {
        String owner = bench.options().string("author", "bob");
        return new Communities(stack, owner, bench.options().string("author-password", owner),
                bench.options().string("bootstrap", "localhost:9092"), bench.options().string("hr-secret", "hr-connector-secret"));
    }

    private void freshness(Section s, String via, String what, Publisher publisher, String viewer, String token,
                           double rate, Duration duration, KafkaAnchor.Figures kafka) {
        Duration timeout = Duration.ofSeconds(30);
        // enough workers that an item waiting out its timeout never delays the next one's publication
        int workers = (int) Math.ceil(rate * (timeout.toSeconds() + 10)) + 2;
        Histogram feed = LatencySummary.newMicrosHistogram();
        Histogram search = LatencySummary.newMicrosHistogram();
        AtomicLong feedMissed = new AtomicLong();
        AtomicLong searchMissed = new AtomicLong();
        OpenLoop.Result r = OpenLoop.run("freshness via " + via, rate, duration, workers, n -> {
            long intended = OpenLoop.intendedNanos();
            String marker = "zq" + run + via.charAt(0) + via.replaceAll("[^0-9]", "") + "x" + n;
            String item = publisher.publish(n, marker);
            long feedSeen = 0, searchSeen = 0;
            long deadline = System.nanoTime() + timeout.toNanos();
            while ((feedSeen == 0 || searchSeen == 0) && System.nanoTime() < deadline) {
                if (feedSeen == 0 && stack.get("feed", "/api/feed/home?limit=20", token).body().contains(item)) {
                    feedSeen = System.nanoTime();
                }
                if (searchSeen == 0 && stack.get("search", "/api/search?q=" + marker, token).body().contains(item)) {
                    searchSeen = System.nanoTime();
                }
                LockSupport.parkNanos(20_000_000L); // poll every ~20 ms plus the request time
            }
            synchronized (feed) {
                if (feedSeen > 0) feed.recordValue((feedSeen - intended) / 1000);
                else feedMissed.incrementAndGet();
                if (searchSeen > 0) search.recordValue((searchSeen - intended) / 1000);
                else searchMissed.incrementAndGet();
            }
        });
        LatencySummary f = LatencySummary.ofMicros(feed);
        LatencySummary q = LatencySummary.ofMicros(search);
        s.row("via " + via + ": POST → in the reader's home feed (first page)", f.inline(),
                        "Kafka end-to-end " + kafka.latency().inline(), "p99 " + Report.ratio(f.p99(), kafka.latency().p99()),
                        "p99 ≤ 250 ms at 1k followers")
                .row("via " + via + ": POST → found by search (index lag)", q.inline(), "",
                        "p99 " + Report.ratio(q.p99(), kafka.latency().p99()), "lag p99 ≤ 1 s");
        s.note("Via %s: %d items at %s/s for %d s, one %s each; the reader (%s) then polls `GET /api/feed/home?limit=20` and "
                        + "`GET /api/search?q=<marker>` every ~20 ms; latency runs from the item's intended send time (open loop) "
                        + "to the first answer that holds it.", via, r.completed() + r.errors(), Report.num(rate),
                duration.toSeconds(), what, viewer);
        if (feedMissed.get() + searchMissed.get() > 0 || r.errors() > 0) {
            s.note("Via %s, not visible within %d s: %d in the feed, %d in search; %d publications failed%s.", via,
                    timeout.toSeconds(), feedMissed.get(), searchMissed.get(), r.errors(),
                    r.firstError() == null ? "" : " (first error: " + r.firstError() + ")");
        }
    }

    private Poster poster() {
        String author = bench.options().string("author", "bob");
        return new Poster(stack, author, bench.options().string("author-password", author));
    }

    // ------------------------------------------------------------------ 2. ingest

    private Section ingest() throws Exception {
        Section s = new Section(title("ingest"), HEADERS);
        KafkaAnchor.Figures kafka = bench.kafka();
        StoreAnchor.Figures store = bench.store();
        Connector connector = connector();
        double rate = bench.options().decimal("ingest-rate", 1000);
        int batch = bench.options().integer("batch", 200);
        OpenLoop.Operation write;
        String what;
        int perOp;
        try {
            connector.probeBatch(seq.getAndAdd(batch) + 1, batch); // one probe batch: is the path working at all?
            if (connector.probeRetries > 0) {
                s.note("The first batch was answered 503 (Kafka did not acknowledge within connector.publish-timeout) and "
                        + "sent again after its Retry-After, %d time(s), as the endpoint's contract says; the measured run "
                        + "starts after it.", connector.probeRetries);
            }
            perOp = batch;
            write = n -> connector.sendBatch(seq.getAndAdd(batch) + 1, batch);
            what = "events accepted by connector-service (batches of " + batch + ", offered " + Report.num(rate) + "/s)";
        } catch (RuntimeException e) {
            s.note("**The connector batch endpoint fails**, so connector ingest was not measured: %s", e.getMessage());
            s.note("Substitute, to measure the consumers behind it: employees' organisation-wide posts through feed-service "
                    + "(`POST /api/posts`, one by one), at --post-rate.");
            Poster poster = poster();
            rate = bench.options().decimal("post-rate", 10);
            perOp = 1;
            write = n -> poster.post(n, null);
            what = "posts accepted by feed-service (one by one, offered " + Report.num(rate) + "/s)";
        }
        final int itemsPerOp = perOp;
        final OpenLoop.Operation writer = write;
        Duration duration = bench.options().seconds("ingest-seconds", bench.goalSizes() ? 300 : 60);
        String bootstrap = bench.options().string("bootstrap", "localhost:9092");
        try (ConsumerProgress consumers = new ConsumerProgress(bootstrap)) {
            long endBefore = consumers.logEnd();
            Map<String, Long> committedBefore = consumers.committed();
            Footprint.Sample before = footprint.sample();
            Map<String, double[]> upkeepBefore = footprint.upkeepSeconds();
            Map<String, Double> commandsBefore = StoreCommands.sample(stack);
            double entriesBefore = timelineEntriesWritten();
            double busyBefore = feedMetric("relais_feed_fanout_busy_seconds_sum");
            double[] entriesAtCatchUp = {Double.NaN};
            double[] busyAtCatchUp = {Double.NaN};
            Map<String, Double> peak = new LinkedHashMap<>(before.rssMiB());
            java.util.concurrent.ScheduledExecutorService sampler = sampler(peak);
            AtomicLong published = new AtomicLong();
            long t0 = System.nanoTime();
            OpenLoop.Result r = OpenLoop.run("ingest", rate / itemsPerOp, duration, 4, n -> {
                writer.call(n);
                published.addAndGet(itemsPerOp);
            });
            double ingestSeconds = (System.nanoTime() - t0) / 1e9;
            // drain: how long each consumer group needs to catch up with the log after the last batch
            long endAfter = consumers.logEnd();
            Map<String, Double> caughtUpAt = new LinkedHashMap<>();
            long drainDeadline = System.nanoTime() + Duration.ofSeconds(bench.options().integer("drain-seconds", 180)).toNanos();
            Progress p = Progress.start("drain", () -> "waiting for consumer groups: " + caughtUpAt.keySet());
            try {
                // poll the broker's committed offsets until every group caught up, or the drain time is over
                org.awaitility.Awaitility.await().atMost(Duration.ofNanos(Math.max(1, drainDeadline - System.nanoTime())))
                        .pollInterval(Duration.ofMillis(250)).until(() -> {
                            Map<String, Long> now = consumers.committed();
                            for (String g : committedBefore.keySet()) {
                                if (!caughtUpAt.containsKey(g) && now.getOrDefault(g, 0L) >= endAfter) {
                                    caughtUpAt.put(g, (System.nanoTime() - t0) / 1e9);
                                    if (g.equals(FAN_OUT_GROUP)) {
                                        entriesAtCatchUp[0] = timelineEntriesWritten();
                                        busyAtCatchUp[0] = feedMetric("relais_feed_fanout_busy_seconds_sum");
                                    }
                                }
                            }
                            return caughtUpAt.keySet().containsAll(committedBefore.keySet());
                        });
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                // reported below: the groups that did not catch up are named with how far they got
            }
            p.stop();
            sampler.shutdownNow();
            Footprint.Sample after = footprint.sample();
            lastIngest = new Ingest(published.get(), before, after, peak, commandsBefore, StoreCommands.sample(stack),
                    upkeepBefore, footprint.upkeepSeconds());
            double accepted = published.get() / ingestSeconds;
            s.row(what, Report.num(accepted) + " items/s", "Kafka producer→consumer " + Report.num(kafka.endToEndPerSecond()) + " records/s",
                    Report.ratio(accepted, kafka.endToEndPerSecond()), "≥ 10,000 events/s");
            s.row(itemsPerOp > 1 ? "batch latency (open loop)" : "request latency (open loop)", r.latency().inline()
                    + "; service time " + r.service().inline(), "", "", "");
            long appended = endAfter - endBefore;
            Map<String, Long> committedAfter = consumers.committed();
            for (String g : committedBefore.keySet()) {
                long processed = committedAfter.getOrDefault(g, 0L) - committedBefore.get(g);
                Double at = caughtUpAt.get(g);
                String rateText = at == null ? "did not catch up within the drain time (" + String.format("%,d", processed)
                        + " of " + String.format("%,d", appended) + " records)"
                        : Report.num(processed / at) + " records/s (caught up " + Report.num(Math.max(0, at - ingestSeconds)) + " s after the last batch)";
                boolean fanOut = g.equals(FAN_OUT_GROUP);
                s.row("consumer `" + g + "`" + (fanOut ? " (fan-out)" : ""), rateText, "", "", "");
                if (fanOut) {
                    double entries = (Double.isNaN(entriesAtCatchUp[0]) ? timelineEntriesWritten() : entriesAtCatchUp[0]) - entriesBefore;
                    double seconds = at != null ? at : (System.nanoTime() - t0) / 1e9;
                    s.row("fan-out deliveries: timeline entries written (feed-service `relais_feed_timeline_entries_written_total`)",
                            String.format(Locale.ROOT, "%,.0f entries in %.1f s = %s entries/s", entries, seconds, Report.num(entries / seconds)),
                            "store bulk upserts " + Report.num(store.bulkUpdatesPerSecond()) + "/s",
                            Report.ratio(entries / seconds, store.bulkUpdatesPerSecond()), "(load-bound: the offered rate)");
                    double busy = (Double.isNaN(busyAtCatchUp[0]) ? feedMetric("relais_feed_fanout_busy_seconds_sum")
                            : busyAtCatchUp[0]) - busyBefore;
                    if (busy > 0) {
                        s.row("fan-out write rate while busy: the same entries ÷ the time the fan-out consumer spent applying its polls "
                                        + "(feed-service `relais_feed_fanout_busy_seconds`)",
                                String.format(Locale.ROOT, "%,.0f entries in %.1f busy s = %s entries/s", entries, busy,
                                        Report.num(entries / busy)),
                                "store bulk upserts " + Report.num(store.bulkUpdatesPerSecond()) + "/s",
                                Report.ratio(entries / busy, store.bulkUpdatesPerSecond()), "≥ 0.70× of the raw store update rate");
                    }
                }
            }
            s.note("%s of ingest (%s events published, %,d records appended to relais.activities); %s.",
                    Report.num(ingestSeconds) + " s", String.format("%,d", published.get()), appended,
                    r.errors() == 0 ? "no failed batch" : r.errors() + " failed batches (" + r.firstError() + ")");
            s.note("Consumer rates are records of relais.activities committed per second from the first batch until the "
                    + "group caught up (groups without live members, left by stopped programs, are ignored). Fan-out "
                    + "deliveries are the timeline entries feed-service wrote (source and home timelines, its Prometheus "
                    + "counter) from the first batch until the fan-out group caught up; each card goes to its author's and "
                    + "its community's source timelines and to the home timelines of the community's members.");
            if (!bench.goalSizes() && duration.toSeconds() < 300) {
                s.note("Shortened run: %d s instead of the issue's 5 minutes (use --ingest-seconds 300 or --goal).", duration.toSeconds());
            }
        }
        return s;
    }

    static final String FAN_OUT_GROUP = "feed-service-timeline";

    /** feed-service's count of timeline entries written (source + home), from its Prometheus endpoint (management port). */
    private double timelineEntriesWritten() {
        return feedMetric("relais_feed_timeline_entries_written_total");
    }

    /**
     * The sum over every series of one feed-service metric (a counter, or a timer's {@code _seconds_sum}), from its
     * Prometheus endpoint (management port); NaN when the endpoint does not answer, 0 when the metric is not there yet.
     */
    private double feedMetric(String name) {
        StackClient.Answer a = stack.getManagement("feed", "/q/metrics");
        if (!a.ok()) return Double.NaN;
        return PrometheusText.sum(a.body(), name);
    }

    private java.util.concurrent.ScheduledExecutorService sampler(Map<String, Double> peak) {
        java.util.concurrent.ScheduledExecutorService s = io.relais.bench.harness.Progress.Periodic.daemon("footprint-sampler");
        s.scheduleAtFixedRate(() -> footprint.sample().rssMiB().forEach((c, v) -> peak.merge(c, v, Math::max)),
                0, 1, java.util.concurrent.TimeUnit.SECONDS);
        return s;
    }

    // ------------------------------------------------------------------ 3. home feed

    private Section homeFeed() throws Exception {
        Section s = new Section(title("feed"), HEADERS);
        StoreAnchor.Figures store = bench.store();
        // --feed-ingest-rate 0: an idle stack, nothing written in the background (not even the writer's first batch)
        boolean idle = bench.options().decimal("feed-ingest-rate", 200) <= 0;
        Publisher background = idle ? null : backgroundWriter(s);
        String token = stack.personToken(reader, readerPassword);
        double rate = bench.options().decimal("feed-rate", 10);
        Duration duration = bench.options().seconds("feed-seconds", 30);
        double ingestRate = idle ? 0 : backgroundBatch == 1 ? bench.options().decimal("feed-post-rate", 5)
                : bench.options().decimal("feed-ingest-rate", 200);
        int batch = backgroundBatch;
        // background ingest at a fixed rate while the reads run
        OpenLoop.Result[] ingestResult = new OpenLoop.Result[1];
        Thread writer = new Thread(() -> ingestResult[0] = OpenLoop.run("feed background ingest", ingestRate / batch,
                duration.plusSeconds(5).plus(FLOOR), 4, n -> background.publish(n, null)), "background-ingest");
        writer.setDaemon(true);
        if (!idle) writer.start();
        OpenLoop.warmUp("feed", Duration.ofSeconds(6), n -> {
            if (!stack.get("feed", "/api/feed/home?limit=20", token).ok()) throw new IllegalStateException();
        });
        // the floor under every figure of this section: the same client, rate and machine, a request that does no work
        OpenLoop.Result floor = OpenLoop.run("http floor", rate, FLOOR, 8, n -> {
            StackClient.Answer a = stack.getManagement("feed", "/q/health/live");
            if (!a.ok()) throw new IllegalStateException(a.status() + " " + Connector.abbreviate(a.body()));
        });
        OpenLoop.Result r = OpenLoop.run("home feed", rate, duration, 8, n -> {
            StackClient.Answer a = stack.get("feed", "/api/feed/home?limit=20", token);
            if (a.status() != 200) throw new IllegalStateException(a.status() + " " + Connector.abbreviate(a.body()));
        });
        writer.join(duration.plus(FLOOR).toMillis() + 60_000);
        LatencySummary raw = store.idReads().latency();
        s.row("GET /api/feed/home?limit=20 as " + reader + ", " + Report.num(rate) + "/s for " + duration.toSeconds() + " s",
                        r.latency().inline() + "; service time " + r.service().inline(), "store read by _id " + raw.inline()
                                + "; during bulk writes " + store.idReadsUnderBulk().latency().inline(),
                        "p50 " + Report.ratio(r.latency().p50(), raw.p50()) + ", p99 " + Report.ratio(r.latency().p99(), raw.p99()),
                        idle ? "p50 ≤ 5 ms (idle)" : "p99 ≤ 50 ms and ≤ 20× the store's _id read p99");
        s.row("the same client at the same rate just before, for " + FLOOR.toSeconds() + " s: GET feed-service's liveness probe "
                        + "(management port, answered from memory: HTTP and this client only)",
                floor.latency().inline() + "; service time " + floor.service().inline(), "",
                String.format(Locale.ROOT, "home read p50 − this p50 = %.2f ms", r.latency().p50() - floor.latency().p50()), "");
        s.note("%s%s%s", idle ? "On an idle stack: nothing written in the background (--feed-ingest-rate 0). "
                        : String.format(Locale.ROOT, "While %s items/s of %s run in the background (achieved %s/s). ",
                        Report.num(ingestRate), backgroundWhat,
                        ingestResult[0] == null ? "?" : Report.num(ingestResult[0].achieved() * batch)),
                r.errors() > 0 ? r.errors() + " failed reads (" + r.firstError() + "). " : "",
                "The reader is a demo user of the seeded company, not a member of a 100k × 200-follows graph: feed-service has "
                        + "no bulk way to load such a graph (follows are made by each person with their own token), so the issue's "
                        + "graph size was not built here.");
        return s;
    }

    /** How long the HTTP floor of the home-read section is measured (before the reads, under the same background). */
    private static final Duration FLOOR = Duration.ofSeconds(10);

    private int backgroundBatch;
    private String backgroundWhat;

    /** Connector batches of 100 when the connector works, else employees' posts one by one. */
    private Publisher backgroundWriter(Section s) {
        try {
            Connector connector = connector();
            try {
                connector.probeBatch(seq.getAndAdd(100) + 1, 100); // a 503 is sent again, as the contract says
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while resending the first batch", e);
            }
            backgroundBatch = 100;
            backgroundWhat = "connector ingest (batches of 100)";
            return (n, marker) -> {
                connector.sendBatch(seq.getAndAdd(100) + 1, 100);
                return null;
            };
        } catch (RuntimeException e) {
            s.note("The connector batch endpoint fails (%s): the background load is employees' posts instead.", e.getMessage());
            Poster poster = poster();
            backgroundBatch = 1;
            backgroundWhat = "posts by " + poster.login() + " through feed-service";
            return poster::post;
        }
    }

    // ------------------------------------------------------------------ 4. community fan-out

    private Section community() {
        Section s = new Section(title("community"), "Community", "Mode", "Members made (bulk import)",
                "Post → last member's home feed", "Goal");
        String owner = bench.options().string("author", "bob");
        String token = stack.personToken(reader, readerPassword);
        Poster poster = new Poster(stack, owner, bench.options().string("author-password", owner));
        int threshold = bench.options().integer("pull-threshold", 500); // feed-service's default since issue 18 (2000 before)
        double rate = bench.options().decimal("community-rate", 1);
        Duration duration = bench.options().seconds("community-seconds", 20);
        for (String size : bench.options().string("community-sizes", "1000,10000,50000").split(",")) {
            int members = Integer.parseInt(size.trim());
            Communities.Built c = communities().ensure("bench-fanout-" + members, members, reader);
            Histogram seen = LatencySummary.newMicrosHistogram();
            AtomicLong missed = new AtomicLong();
            OpenLoop.Result r = OpenLoop.run("community " + c.slug(), rate, duration, (int) Math.ceil(rate * 40) + 2, n -> {
                long intended = OpenLoop.intendedNanos();
                String post = poster.post(n, "zq" + run + "c" + members + "x" + n, c.slug());
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                long at = 0;
                while (at == 0 && System.nanoTime() < deadline) {
                    if (stack.get("feed", "/api/feed/home?limit=20", token).body().contains(post)) at = System.nanoTime();
                    else LockSupport.parkNanos(10_000_000L);
                }
                synchronized (seen) {
                    if (at > 0) seen.recordValue((at - intended) / 1000);
                    else missed.incrementAndGet();
                }
            });
            LatencySummary l = LatencySummary.ofMicros(seen);
            s.row("`" + c.slug() + "` (" + String.format(Locale.ROOT, "%,d", c.members()) + " members)",
                    members > threshold ? "pull (merged on read)" : "push (fan-out on write)",
                    c.imported() == 0 ? "already there" : String.format(Locale.ROOT,
                            "%,d in %.1f s (%,.0f/s); their Joins applied by every consumer %.1f s later", c.imported(),
                            c.importSeconds(), c.membersPerSecond(), c.settleSeconds()),
                    l.inline() + (missed.get() > 0 ? "; " + missed.get() + " not seen within 30 s" : "")
                            + (r.errors() > 0 ? "; " + r.errors() + " posts failed (" + r.firstError() + ")" : ""),
                    "≤ 1 s, flat across sizes");
        }
        s.note("Each community is public, owned by %s, filled with synthetic members through the bulk import (chunks of %,d) "
                        + "and the reader (%s) imported last, so that a push fan-out writes the reader's home timeline after every "
                        + "other member's; the series starts once every consumer has applied the import's Join activities. %s posts into it at %s/s for %d s; the reader polls `GET /api/feed/home?limit=20` every "
                        + "~10 ms; latency runs from the post's intended send time (open loop) to the first page that holds it. "
                        + "Mode from `feed.fanout.pull-threshold` = %,d (members + followers).", owner, Communities.CHUNK, reader,
                owner, Report.num(rate), duration.toSeconds(), threshold);
        return s;
    }

    // ------------------------------------------------------------------ 5. search

    private Section search() throws Exception {
        Section s = new Section(title("search"), HEADERS);
        LuceneAnchor.Figures lucene = bench.lucene();
        String token = stack.personToken(reader, readerPassword);
        double rate = bench.options().decimal("stack-search-rate", 5);
        Duration duration = bench.options().seconds("stack-search-seconds", 30);
        StackClient.Answer all = stack.get("search", "/api/search?q=" + StackClient.encode("gagnée"), token);
        long total = all.ok() ? all.json().path("total").asLong() : -1;
        OpenLoop.warmUp("search", Duration.ofSeconds(6), n -> stack.get("search", "/api/search?q=contrat", token));
        OpenLoop.Result r = OpenLoop.run("stack search", rate, duration, 8, n -> {
            String q = Texts.query(new SplittableRandom(n));
            StackClient.Answer a = stack.get("search", "/api/search?q=" + StackClient.encode(q), token);
            if (a.status() != 200) throw new IllegalStateException(a.status() + " " + Connector.abbreviate(a.body()));
        });
        s.row("GET /api/search?q=… as " + reader + " (trimmed, with facets), " + Report.num(rate) + "/s for "
                        + duration.toSeconds() + " s", r.latency().inline() + "; service time " + r.service().inline(),
                "raw Lucene, no trimming " + lucene.raw().latency().inline(),
                "p99 " + Report.ratio(r.latency().p99(), lucene.raw().latency().p99()), "p99 ≤ 30 ms")
                .row("", "", "raw Lucene + audience filter " + lucene.trimmed().latency().inline(),
                        "p99 " + Report.ratio(r.latency().p99(), lucene.trimmed().latency().p99()), "");
        s.note("The stack's index holds what this and earlier runs ingested (a query for the card word 'gagnée' matches %s "
                + "items visible to %s); the raw anchor's index holds %,d synthetic items. Index lag: see scenario 1 (POST → found "
                + "by search).%s", total < 0 ? "?" : String.format("%,d", total), reader, lucene.items(),
                r.errors() > 0 ? " " + r.errors() + " failed queries (" + r.firstError() + ")." : "");
        return s;
    }

    // ------------------------------------------------------------------ 6. footprint

    private Section footprint() {
        Section s = new Section(title("footprint"), "Component", "RSS idle (MiB)", "RSS peak under ingest (MiB)",
                "CPU-s per 1,000 events", "of which JIT / GC threads", "Startup (s)");
        Footprint.Sample now = footprint.sample();
        Footprint.Sample base = idle == null ? now : idle;
        double totalIdle = 0, totalPeak = 0, totalCpu = 0, totalJit = 0, totalGc = 0;
        for (String c : Footprint.COMPONENTS) {
            Double rssIdle = base.rssMiB().get(c);
            if (rssIdle == null && now.rssMiB().get(c) == null) continue;
            String peak = "", cpu = "", upkeep = "";
            if (lastIngest != null && lastIngest.peakRss().get(c) != null) {
                peak = Report.num(lastIngest.peakRss().get(c));
                totalPeak += lastIngest.peakRss().get(c);
                Double a = lastIngest.after().cpuSeconds().get(c), b = lastIngest.before().cpuSeconds().get(c);
                if (a != null && b != null && lastIngest.events() > 0) {
                    cpu = String.format(Locale.ROOT, "%.2f", (a - b) * 1000.0 / lastIngest.events());
                    totalCpu += (a - b) * 1000.0 / lastIngest.events();
                }
                double[] ua = lastIngest.upkeepAfter().get(c), ub = lastIngest.upkeepBefore().get(c);
                if (ua != null && ub != null && lastIngest.events() > 0) {
                    upkeep = String.format(Locale.ROOT, "%.2f / %.2f", (ua[0] - ub[0]) * 1000.0 / lastIngest.events(),
                            (ua[1] - ub[1]) * 1000.0 / lastIngest.events());
                    totalJit += (ua[0] - ub[0]) * 1000.0 / lastIngest.events();
                    totalGc += (ua[1] - ub[1]) * 1000.0 / lastIngest.events();
                }
            }
            totalIdle += rssIdle == null ? 0 : rssIdle;
            s.row(c, rssIdle == null ? "" : Report.num(rssIdle), peak, cpu, upkeep,
                    footprint.startupSeconds(c).map(v -> String.format(Locale.ROOT, "%.1f", v)).orElse(""));
        }
        s.row("**whole stack**", Report.num(totalIdle) + " (" + String.format(Locale.ROOT, "%.2f", totalIdle / 1024) + " GiB)",
                lastIngest == null ? "" : Report.num(totalPeak) + " (" + String.format(Locale.ROOT, "%.2f", totalPeak / 1024) + " GiB)",
                lastIngest == null ? "" : String.format(Locale.ROOT, "%.2f (goal ≤ 2.5)", totalCpu),
                lastIngest == null ? "" : String.format(Locale.ROOT, "%.2f / %.2f", totalJit, totalGc), "goal: ≤ 6 GiB");
        s.note("From /proc of the processes in %s/run (each with its children); idle = before this run's stack scenarios; "
                        + "CPU per 1,000 events over the ingest scenario's run including its drain; startup = the last \"started in\" "
                        + "line of each log (Quarkus services and Keycloak; store and Kafka do not print one). "
                        + "JIT / GC threads: the part of the same CPU spent by the JVM's compiler threads and by its collector's threads "
                        + "(with the VM thread), per 1,000 events: a stack measured soon after it started still compiles its hot code.",
                shown(footprint.home()));
        Map<String, Integer> nice = footprint.niceValues();
        if (nice.values().stream().anyMatch(n -> n != 0)) {
            s.note("CPU weights (nice value of each component's scheduling group; 0 is the default): %s.",
                    nice.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        }
        if (lastIngest == null) {
            s.note("The ingest scenario did not run in this run: no figures under load.");
        } else {
            storeCommands(s, lastIngest);
        }
        return s;
    }

    /** The store commands per 1,000 ingested events, by service, collection and command (the driver's counters). */
    private static void storeCommands(Section s, Ingest ingest) {
        List<Map.Entry<String, Double>> moved = StoreCommands.between(ingest.commandsBefore(), ingest.commandsAfter());
        if (moved.isEmpty() || ingest.events() == 0) {
            s.note("Store commands: no service reported the driver's command counters (quarkus.mongodb.metrics.enabled).");
            return;
        }
        double total = moved.stream().mapToDouble(Map.Entry::getValue).sum();
        StringBuilder top = new StringBuilder();
        for (Map.Entry<String, Double> e : moved.subList(0, Math.min(20, moved.size()))) {
            top.append(top.isEmpty() ? "" : "; ").append(e.getKey()).append(' ')
                    .append(String.format(Locale.ROOT, "%.0f", e.getValue() * 1000.0 / ingest.events()));
        }
        s.note("Store commands per 1,000 ingested events over the same span (each service's MongoDB driver counters, "
                        + "`mongodb_driver_commands_seconds_count`): %s in all; by service · collection · command: %s.",
                String.format(Locale.ROOT, "%,.0f", total * 1000.0 / ingest.events()), top);
    }

    /** A state folder as the report shows it: relative to the repository when it is inside it, so no machine path lands in docs. */
    static String shown(java.nio.file.Path home) {
        java.nio.file.Path repo = java.nio.file.Path.of("").toAbsolutePath();
        java.nio.file.Path abs = home.toAbsolutePath().normalize();
        return abs.startsWith(repo) ? repo.relativize(abs).toString() : "$RELAIS_HOME";
    }
}
