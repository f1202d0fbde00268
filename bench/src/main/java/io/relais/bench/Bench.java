package io.relais.bench;

import io.relais.bench.anchor.KafkaAnchor;
import io.relais.bench.anchor.LuceneAnchor;
import io.relais.bench.anchor.StoreAnchor;
import io.relais.bench.company.ActivityMix;
import io.relais.bench.company.SyntheticCompany;
import io.relais.bench.harness.Machine;
import io.relais.bench.harness.Options;
import io.relais.bench.harness.Progress;
import io.relais.bench.harness.Report;
import io.relais.bench.harness.Section;
import io.relais.bench.stack.StackScenarios;
import io.relais.events.Activity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Entry point of {@code ./relais bench [scenario…] [--option value…]}: runs the named scenarios
 * (default: all), prints progress on stderr, and appends the run to docs/BENCHMARKS.md.
 */
public final class Bench {

    /** Scenario names in run order; groups expand to their members. */
    static final Map<String, List<String>> GROUPS = Map.of(
            "raw", List.of("kafka", "store", "lucene"),
            "stack", List.of("freshness", "ingest", "feed", "community", "search", "footprint"),
            "all", List.of("kafka", "store", "lucene", "freshness", "ingest", "feed", "community", "search", "footprint"),
            "optimisation", List.of("connector-pattern"));

    private final Options options;
    private final Path repo;
    private SyntheticCompany company;
    private KafkaAnchor.Figures kafka;
    private StoreAnchor.Figures store;
    private LuceneAnchor.Figures lucene;

    Bench(Options options, Path repo) {
        this.options = options;
        this.repo = repo;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        if (options.has("help")) {
            System.out.println(usage());
            return;
        }
        Path repo = repoRoot();
        if (options.scenarios().contains("faults")) {
            // the reliability campaign: its own report (docs/RELIABILITY.md) and exit status
            System.exit(io.relais.bench.faults.FaultCampaign.main(options, repo));
        }
        Set<String> scenarios = expand(options.scenarios().isEmpty() ? List.of("all") : options.scenarios());
        Bench bench = new Bench(options, repo);
        Instant started = Instant.now();
        String noiseBefore = Machine.noise();
        long wallStart = System.nanoTime();
        Machine machine = Machine.describe(repo);
        List<Section> sections = new ArrayList<>();
        Progress.say("relais bench: %s on %d cores (%s)", scenarios, machine.cores(), noiseBefore);
        sections.add(bench.companySection());
        for (String s : scenarios) {
            Progress.say("== %s", s);
            try {
                sections.addAll(bench.run(s));
            } catch (Exception e) {
                sections.add(new Section(s).note("**Failed**: %s: %s", e.getClass().getSimpleName(), e.getMessage()));
                Progress.say("  %s failed: %s", s, e);
            }
        }
        String command = System.getenv().getOrDefault("RELAIS_BENCH_COMMAND",
                "java -cp <bench classpath> io.relais.bench.Bench") + (args.length == 0 ? "" : " " + String.join(" ", args));
        Path file = Path.of(options.string("out", repo.resolve("docs/BENCHMARKS.md").toString()));
        Report.append(file, machine, command, started, noiseBefore, Machine.noise() + "; " + Machine.cpuShare(wallStart),
                sections);
        Progress.say("appended to %s", file);
        System.exit(0); // client libraries leave non-daemon threads behind
    }

    List<Section> run(String scenario) throws Exception {
        return switch (scenario) {
            case "kafka" -> List.of(kafkaSection());
            case "store" -> List.of(storeSection());
            case "lucene" -> List.of(luceneSection());
            case "connector-pattern" -> {
                Section s = new Section("Optimisation study: connector-service's store traffic per batch", "Measure", "Figure");
                io.relais.bench.anchor.ConnectorStorePattern.measure(options.integer("batch", 200),
                        options.seconds("pattern-seconds", 20), s);
                yield List.of(s);
            }
            default -> {
                if (stackScenarios == null) stackScenarios = new StackScenarios(this);
                yield stackScenarios.run(scenario);
            }
        };
    }

    public Options options() {
        return options;
    }

    public Path repo() {
        return repo;
    }

    public boolean goalSizes() {
        return options.has("goal");
    }

    public synchronized SyntheticCompany company() {
        if (company == null) {
            int people = options.integer("people", goalSizes() ? 100_000 : 2_000);
            double follows = options.decimal("follows-median", goalSizes() ? 200 : 100);
            Progress.say("  generating a company of %,d people", people);
            company = SyntheticCompany.generate(SyntheticCompany.Shape.defaults(people).withFollowsMedian(follows),
                    options.longValue("seed", 42));
        }
        return company;
    }

    private io.relais.bench.stack.StackScenarios stackScenarios;

    private Section companySection() {
        return new Section("Synthetic company").note(company().describe() + ".");
    }

    /** A pool of Relais-shaped activities from the mix, for Kafka payloads. */
    public List<Activity> payloads(int n) {
        ActivityMix mix = new ActivityMix(company(), options.longValue("seed", 42) + 1);
        List<Activity> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(mix.next());
        return out;
    }

    public KafkaAnchor.Figures kafka() throws Exception {
        if (kafka == null) kafkaSection();
        return kafka;
    }

    public StoreAnchor.Figures store() throws Exception {
        if (store == null) storeSection();
        return store;
    }

    public LuceneAnchor.Figures lucene() throws Exception {
        if (lucene == null) luceneSection();
        return lucene;
    }

    private Section kafkaSection() throws Exception {
        Section s = new Section("Anchor: raw Kafka", "Measure", "Figure");
        kafka = KafkaAnchor.measure(options.string("kafka", "auto"), payloads(2000),
                options.longValue("kafka-records", 100_000), options.decimal("kafka-rate", 1000),
                options.seconds("kafka-seconds", 20), s);
        return s;
    }

    private Section storeSection() throws Exception {
        Section s = new Section("Anchor: raw store", "Measure", "Figure");
        store = StoreAnchor.measure(options.string("store", "embedded"), company(),
                options.longValue("store-updates", 10_000), options.seconds("store-seconds", 10),
                options.decimal("read-rate", 200), options.seconds("read-seconds", 15), s);
        return s;
    }

    private Section luceneSection() throws Exception {
        Section s = new Section("Anchor: raw Lucene", "Measure", "Figure");
        lucene = LuceneAnchor.measure(company(), options.longValue("items", goalSizes() ? 1_000_000 : 200_000),
                options.decimal("search-rate", 20), options.seconds("search-seconds", 15), s);
        return s;
    }

    static Set<String> expand(List<String> names) {
        Set<String> out = new LinkedHashSet<>();
        for (String n : names) {
            List<String> group = GROUPS.get(n);
            if (group != null) out.addAll(group);
            else if (GROUPS.get("all").contains(n) || GROUPS.get("optimisation").contains(n)) out.add(n);
            else throw new IllegalArgumentException("unknown scenario '" + n + "'; known: " + GROUPS.get("all")
                    + " and the groups raw, stack, all");
        }
        return out;
    }

    /** The directory holding the bench module (the repository root), from the working directory up. */
    static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        for (Path d = p; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve("bench/pom.xml"))) return d;
        }
        return p;
    }

    static String usage() {
        Map<String, String> opts = new LinkedHashMap<>();
        opts.put("--people N", "synthetic company size (2000; --goal: 100000)");
        opts.put("--follows-median N", "median follows per person (100; --goal: 200)");
        opts.put("--seed N", "generator seed (42)");
        opts.put("--goal", "the issue's goal sizes instead of the few-minutes defaults");
        opts.put("--kafka auto|host:port", "broker for the raw Kafka anchor (auto: localhost:9092, else in-process)");
        opts.put("--kafka-records N / --kafka-rate R / --kafka-seconds S", "throughput records (100000), latency rate (1000/s) and length (20 s)");
        opts.put("--store embedded|mongodb://…", "store for the raw store anchor (embedded H2-backed server)");
        opts.put("--store-updates N / --store-seconds S / --read-rate R / --read-seconds S", "(10000, 10, 200/s, 15)");
        opts.put("--items N / --search-rate R / --search-seconds S", "Lucene anchor (200000; --goal 1000000), 20/s, 15 s");
        opts.put("--ingest-seconds S / --ingest-rate R", "sustained ingest through connector-service (1000 events/s offered for 60 s; --goal 300 s)");
        opts.put("--reader LOGIN / --reader-password P", "the person whose feed and searches are measured (alice)");
        opts.put("--fresh-rate R / --fresh-seconds S", "freshness items per path (1/s for 30 s); --fresh-via connector,feed");
        opts.put("--batch N / --drain-seconds S", "ingest batch size (200) and how long to wait for consumers to catch up (180)");
        opts.put("--feed-rate R / --feed-seconds S / --feed-ingest-rate R", "home feed reads (10/s, 30 s) under connector ingest (200 events/s) or posts (--feed-post-rate 5/s)");
        opts.put("--stack-search-rate R / --stack-search-seconds S", "search queries through search-service (5/s, 30 s)");
        opts.put("--post-rate R / --author LOGIN", "ingest substitute when the connector fails: posts by bob at 10/s");
        opts.put("--out FILE", "report file (docs/BENCHMARKS.md; faults: docs/RELIABILITY.md)");
        opts.put("faults [--short] [--faults a,b]", "the fault campaign (see bench/README.md): " + io.relais.bench.faults.Fault.ALL.stream()
                .map(io.relais.bench.faults.Fault::name).toList() + "; --short = " + io.relais.bench.faults.Fault.SHORT);
        opts.put("faults --rate R / --workers N / --people N", "mixed load offered (40/s; --short 10/s), concurrency (64), employees created (auto)");
        opts.put("faults --lead-seconds / --down-seconds / --tail-seconds S", "load before the fault (20; short 8), downtime of a stopped component (12; 6), load after recovery (12; 6)");
        opts.put("faults --stop-by HH:MM|INSTANT", "start a phase only if one as long as the longest so far (--phase-estimate-seconds 240 before the first) ends by then (UTC); the rest is reported as not run");
        opts.put("faults --catch-up-seconds / --settle-seconds S", "bounded waits for consumer groups (300; 120) and projections (90; 45)");
        StringBuilder u = new StringBuilder("usage: relais bench [scenario…] [options]\nscenarios: ")
                .append(GROUPS.get("all")).append(", groups raw, stack, all (default); connector-pattern (optimisation study); faults (the fault campaign)\n");
        opts.forEach((k, v) -> u.append(String.format("  %-72s %s%n", k, v)));
        return u.toString();
    }
}
