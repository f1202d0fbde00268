package io.relais.bench.faults;

import io.relais.bench.harness.Machine;
import io.relais.bench.harness.Options;
import io.relais.bench.harness.Progress;
import io.relais.bench.harness.Report;
import io.relais.bench.harness.Section;
import io.relais.bench.stack.StackClient;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * {@code ./relais bench faults}: a steady mixed load against the running local stack while, one phase
 * at a time, a component is killed, stopped or fed poison, then repaired. After each phase it waits
 * (bounded polling) until every consumer group has caught up, then compares what the stack accepted
 * with what every projection holds ({@link Projections}) and appends one table to docs/RELIABILITY.md:
 * {@code fault | sent | accepted | found | lost | duplicates | recovery s}, with a per-projection
 * breakdown and what each fault's own checks saw (503 + Retry-After from the connector while the broker
 * is down, issued tokens while Keycloak is down, dead letters of the poison).
 *
 * <p>Exit status 0 when every row is 0 lost and 0 duplicates and every fault check held, else 1.
 */
public final class FaultCampaign {

    static final String HEADER = """
            # Relais reliability: nothing accepted is lost or doubled, whatever fails

            Produced by `./relais bench faults` (the `bench` module, `io.relais.bench.faults`); each run is appended
            below with the machine, the commit and the exact command. Method and definitions: `bench/README.md`,
            section "Fault campaign". In short: a steady mixed load (posts, comments, reactions through feed-service;
            CRM cards and HR hires through connector-service) runs while one fault at a time is injected and repaired;
            then, once every consumer group has caught up, every item the stack **accepted** (a 2xx answer with its
            id, a connector 202/200 receipt) is looked up in every projection that should hold it, through the public
            APIs: found exactly once, **lost** (missing from at least one projection) or **duplicated** (found more
            than once in at least one). Requests that failed or got no answer are *sent* but not *accepted*, and are
            never expected.

            """;

    private final Options options;
    private final Path repo;
    private final StackClient stack = new StackClient(System.getenv());
    private final Launcher launcher;
    /** How long a repaired component may take to answer ready again (search replays the log first). */
    private final Duration recoveryBound;
    /**
     * How long a repair is expected to last while the load goes on (search-service took 184 s after a kill, feed-service
     * up to 159 s, on 2 busy cores): the cast and the communities are sized for it, or the caps of community timelines
     * (300 a day) and notifications (200 a person a day) evict accepted items, which would then look lost.
     */
    private final Duration repairAllowance;
    private final String run = Long.toString(System.currentTimeMillis() % 60_466_176L, 36); // ≤ 5 base-36 characters
    private final String bootstrap;
    private final double rate;
    private final int workers;
    private final boolean brief;
    private Cast cast;
    private Set<String> groups;
    private boolean allHeld = true;

    private FaultCampaign(Options options, Path repo) {
        this.options = options;
        this.repo = repo;
        this.brief = options.has("short");
        this.recoveryBound = options.seconds("recovery-seconds", brief ? 300 : 600);
        this.launcher = new Launcher(repo, recoveryBound);
        this.repairAllowance = options.seconds("repair-allowance-seconds", brief ? 160 : 200);
        this.bootstrap = options.string("bootstrap", "localhost:9092");
        this.rate = options.decimal("rate", brief ? 10 : 40);
        this.workers = options.integer("workers", 64);
    }

    /** Runs the campaign; returns the process exit status. */
    public static int main(Options options, Path repo) throws Exception {
        return new FaultCampaign(options, repo).run();
    }

    private List<Fault> faults() {
        List<String> names = options.has("faults") ? List.of(options.string("faults", "").split(","))
                : brief ? Fault.SHORT : Fault.ALL.stream().map(Fault::name).toList();
        return names.stream().map(String::trim).filter(s -> !s.isEmpty()).map(Fault::named).toList();
    }

    private Duration seconds(String key, long full, long shortened) {
        return options.seconds(key, brief ? shortened : full);
    }

    private int run() throws Exception {
        Instant started = Instant.now();
        String noiseBefore = Machine.noise();
        long wallStart = System.nanoTime();
        Machine machine = Machine.describe(repo);
        List<Fault> faults = faults();
        String notReady = notReady();
        if (notReady != null) {
            Progress.say("faults: the stack is not ready: %s (./relais up, or ./relais status)", notReady);
            return 2;
        }
        Progress.say("relais bench faults: %s at %s requests/s offered on %d cores (%s), run %s", faults.stream().map(Fault::name).toList(),
                Report.num(rate), machine.cores(), noiseBefore, run);

        // cast: enough people that nobody gets more than ~120 notifications in the whole run (cap: 200 a day)
        double phaseSeconds = seconds("lead-seconds", 20, 8).toSeconds() + seconds("down-seconds", 12, 6).toSeconds()
                + seconds("tail-seconds", 12, 6).toSeconds() + repairAllowance.toSeconds() + 25;
        int people = options.integer("people", (int) Math.max(12, Math.min(400,
                Math.ceil(rate * phaseSeconds * faults.size() * 0.6 / 120))));
        cast = new Cast(stack, run);
        cast.hire(people, options.string("keycloak-admin-password", System.getenv().getOrDefault("KEYCLOAK_ADMIN_PASSWORD", "admin")));
        try (CatchUp catchUp = new CatchUp(bootstrap)) {
            groups = catchUp.activeGroups();
        }
        Progress.say("  consumer groups expected back after every fault: %s", groups);

        Section table = new Section("Results", "fault", "sent", "accepted", "found", "lost", "duplicates", "recovery s");
        Section detail = new Section("Per projection", "fault", "projection", "expected", "found once", "lost", "duplicates",
                "examples");
        Section checks = new Section("What each fault showed");
        int n = 0;
        Instant stopBy = stopBy(options.string("stop-by", ""), Instant.now());
        Duration longestPhase = options.seconds("phase-estimate-seconds", 240);
        for (Fault f : faults) {
            n++;
            if (stopBy != null && Instant.now().plus(longestPhase).isAfter(stopBy)) {
                allHeld = false;
                table.row(f.label(), "", "", "", "", "", "**not run**: a phase (" + longestPhase.toSeconds()
                        + " s, the longest so far) would end after --stop-by " + stopBy);
                Progress.say("== %s: not run, a phase of %d s would end after %s", f.label(), longestPhase.toSeconds(), stopBy);
                continue;
            }
            Progress.say("== %s", f.label());
            long phaseStart = System.nanoTime();
            try {
                phase(f, String.format(Locale.ROOT, "p%02d", n), table, detail, checks);
                Duration took = Duration.ofNanos(System.nanoTime() - phaseStart);
                if (n == 1 || took.compareTo(longestPhase) > 0) longestPhase = took;
            } catch (Exception e) {
                allHeld = false;
                table.row(f.label(), "", "", "", "", "", "**failed**: " + e.getClass().getSimpleName() + ": " + cell(e.getMessage()));
                Progress.say("  %s failed: %s", f.name(), e);
                e.printStackTrace();
                repairAfterFailure(f);
            }
        }
        table.note("Load: %s requests/s offered (open loop, %d workers; a request more than 2 s behind schedule is skipped, "
                        + "not sent) of 4 posts, 5 comments, 7 reactions, 3 CRM cards and 1 HR hire in every 20; %d employees "
                        + "created in Keycloak for this run, %s.", Report.num(rate), workers, people,
                brief ? "the short campaign of `./relais test`" : "the full campaign");
        table.note("sent / accepted: requests sent / answered 2xx with an id (connector: 202 or 200 receipt). found: accepted items "
                + "found exactly once in every projection that should hold them; lost: missing from at least one; duplicates: "
                + "found more than once in at least one (a reaction count above its reactors counts once per post). "
                + "recovery s: from the repair (start command) until every component answered healthy again; for the "
                + "poison, from sending it until every poison record was on a dead-letter topic.");
        String command = System.getenv().getOrDefault("RELAIS_BENCH_COMMAND", "java -cp <bench classpath> io.relais.bench.Bench")
                + " faults" + argsText();
        Path file = Path.of(options.string("out", repo.resolve("docs/RELIABILITY.md").toString()));
        Report.append(file, HEADER, machine, command, started, noiseBefore, Machine.noise() + "; " + Machine.cpuShare(wallStart),
                List.of(table, detail, checks));
        Progress.say("appended to %s; %s", file, allHeld ? "every row 0 lost, 0 duplicates, every check held"
                : "NOT every row is clean: see the report");
        return allHeld ? 0 : 1;
    }

    /**
     * The end of the stack's hold ({@code --stop-by}): an ISO instant ({@code 2026-11-30T22:08:00Z}) or a UTC time of
     * day ({@code 22:08}, the next one after {@code now}); null when not given. A phase is started only when a phase as
     * long as the longest so far ({@code --phase-estimate-seconds}, 240, before the first) ends before it; the faults
     * left are reported as not run, so a campaign on a shared stack always ends with its report.
     */
    static Instant stopBy(String value, Instant now) {
        if (value == null || value.isBlank()) return null;
        if (value.contains("T")) return Instant.parse(value);
        java.time.LocalTime time = java.time.LocalTime.parse(value);
        java.time.ZonedDateTime at = now.atZone(java.time.ZoneOffset.UTC).with(time);
        return at.toInstant().isBefore(now) ? at.plusDays(1).toInstant() : at.toInstant();
    }

    /**
     * A failure as one table cell: the launcher's answer can span many lines (a component's log) and name the
     * state folder, so keep the first and last lines, with {@code $RELAIS_HOME} for the folder.
     */
    static String cell(String message) {
        if (message == null) return "";
        List<String> lines = message.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        String text = lines.isEmpty() ? "" : lines.size() == 1 ? lines.get(0) : lines.get(0) + " … " + lines.get(lines.size() - 1);
        String home = System.getenv("RELAIS_HOME");
        if (home != null && !home.isBlank()) text = text.replace(home, "$RELAIS_HOME");
        return text.replace("|", "\\|");
    }

    private String argsText() {
        StringBuilder b = new StringBuilder();
        for (String a : options.raw()) if (!a.equals("faults")) b.append(' ').append(a);
        return b.toString();
    }

    private String notReady() {
        String s = stack.notReady("feed", "profile", "connector", "search", "web");
        return s;
    }

    // ------------------------------------------------------------------ one phase

    private void phase(Fault f, String code, Section table, Section detail, Section checks) throws Exception {
        String markerPrefix = "fz" + run + code;
        Ledger ledger = new Ledger(code);
        double expectedItems = rate * (seconds("lead-seconds", 20, 8).toSeconds() + seconds("down-seconds", 12, 6).toSeconds()
                + seconds("tail-seconds", 12, 6).toSeconds() + repairAllowance.toSeconds() + 40) * 0.35; // posts + cards: 7 in 20
        // a community timeline keeps 300 entries a day: stay below 150 each
        int communityCount = (int) Math.max(2, Math.min(cast.logins().size() - 1, Math.ceil(expectedItems / 150)));
        List<String> communities = cast.communities(code, communityCount);
        // cards are addressed by the connector from what it learnt of the communities: start once everyone read their Create
        awaitCaughtUp(Duration.ofSeconds(120));

        MixedLoad load = new MixedLoad(stack, cast, ledger, communities, markerPrefix,
                options.string("crm-secret", "crm-connector-secret"), options.string("hr-secret", "hr-connector-secret"));
        long loadStart = System.nanoTime();
        load.start(rate, workers);
        List<String> notes = new ArrayList<>();
        double recovery;
        try {
            runFor(ledger, seconds("lead-seconds", 20, 8));
            recovery = switch (f.kind()) {
                case "kill" -> kill(f);
                case "stop" -> stopAndStart(f, ledger, notes);
                case "keycloak" -> keycloak(f, ledger, notes);
                case "poison" -> poison(ledger, notes, markerPrefix);
                default -> throw new IllegalArgumentException(f.kind());
            };
            runFor(ledger, seconds("tail-seconds", 12, 6));
        } finally {
            load.stop();
        }
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        long t0 = System.nanoTime();
        Progress.say("  load stopped after %.0f s: %s; waiting for every consumer group", loadSeconds, ledger.perKind());
        boolean caughtUp = awaitCaughtUp(seconds("catch-up-seconds", 300, 120));
        double catchUpSeconds = (System.nanoTime() - t0) / 1e9;

        // then the projections: poll until they hold every accepted item, or the settle time is over
        Projections projections = new Projections(stack, cast);
        AtomicReference<List<Projections.Check>> last = new AtomicReference<>();
        AtomicReference<String> lastError = new AtomicReference<>();
        long t1 = System.nanoTime();
        try {
            Awaitility.await().atMost(seconds("settle-seconds", 90, 45)).pollInterval(Duration.ofSeconds(5))
                    .pollInSameThread().until(() -> {
                        try {
                            List<Projections.Check> c = projections.verify(ledger, communities, markerPrefix);
                            last.set(c);
                            return c.stream().allMatch(Projections.Check::clean);
                        } catch (Exception e) {
                            lastError.set(e.getMessage()); // a projection answered an error: read again at the next poll
                            return false;
                        }
                    });
        } catch (ConditionTimeoutException e) {
            // the last reading is the result
        }
        double settleSeconds = (System.nanoTime() - t1) / 1e9;
        List<Projections.Check> result = last.get();
        if (result == null) throw new IllegalStateException("no projection could be read: " + lastError.get());

        Set<String> lost = new TreeSet<>();
        Set<String> dup = new TreeSet<>();
        for (Projections.Check c : result) {
            lost.addAll(c.lostItems());
            dup.addAll(c.duplicatedItems());
            detail.row(f.label(), c.projection(), c.expected(), c.found(), c.lost(), c.duplicates(),
                    String.join("; ", c.examples()));
        }
        dup.removeAll(lost);
        long accepted = ledger.acceptedTotal();
        long found = Math.max(0, accepted - lost.size() - dup.size());
        if (!lost.isEmpty() || !dup.isEmpty() || !caughtUp) allHeld = false;
        table.row(f.label(), ledger.sentTotal(), accepted, found, lost.size(), dup.size(), String.format(Locale.ROOT, "%.1f", recovery));
        notes.add(0, String.format(Locale.ROOT, "load %.0f s, accepted/sent per kind: %s; achieved %.1f accepted/s; "
                        + "not accepted: %s; skipped (behind schedule): %d", loadSeconds, ledger.perKind(),
                accepted / loadSeconds, ledger.refusals(), ledger.skipped.get()));
        if (!projections.unansweredNote().isEmpty()) notes.add(projections.unansweredNote());
        notes.add(String.format(Locale.ROOT, "every consumer group %s %.1f s after the load stopped; projections %s after %.1f s more",
                caughtUp ? "caught up" : "had NOT caught up", catchUpSeconds,
                result.stream().allMatch(Projections.Check::clean) ? "complete" : "still incomplete", settleSeconds));
        checks.note("**%s**: %s.", f.label(), String.join("; ", notes));
        Progress.say("  %s: sent %d, accepted %d, found %d, lost %d, duplicates %d, recovery %.1f s", f.name(),
                ledger.sentTotal(), accepted, found, lost.size(), dup.size(), recovery);
    }

    /** Lets the load run until it has issued {@code d} worth of requests (a bounded wait on the load's own progress). */
    private void runFor(Ledger ledger, Duration d) {
        long target = ledger.sentTotal() + ledger.skipped.get() + Math.round(rate * d.toMillis() / 1000.0);
        awaitQuietly(d.multipliedBy(4).plusSeconds(60), () -> ledger.sentTotal() + ledger.skipped.get() >= target);
    }

    private static boolean awaitQuietly(Duration atMost, BooleanSupplier condition) {
        try {
            Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(condition::getAsBoolean);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    private boolean awaitCaughtUp(Duration atMost) {
        try (CatchUp catchUp = new CatchUp(bootstrap)) {
            AtomicReference<Map<String, Long>> last = new AtomicReference<>(Map.of());
            boolean ok = awaitQuietly(atMost, () -> {
                try {
                    Map<String, Long> lags = catchUp.lags(groups);
                    last.set(lags);
                    return CatchUp.caughtUp(lags);
                } catch (Exception e) {
                    return false;
                }
            });
            if (!ok) Progress.say("  consumer groups not caught up after %d s: %s", atMost.toSeconds(), last.get());
            return ok;
        }
    }

    /** Seconds from {@code repair} until every component answers healthy. */
    private double repaired(Callable<?> repair) throws Exception {
        long t0 = System.nanoTime();
        repair.call();
        boolean ok = awaitQuietly(recoveryBound, () -> notReady() == null);
        if (!ok) throw new IllegalStateException("the stack is not healthy " + recoveryBound.toSeconds() + " s after the repair: "
                + notReady());
        return (System.nanoTime() - t0) / 1e9;
    }

    // ------------------------------------------------------------------ the faults

    private double kill(Fault f) throws Exception {
        launcher.run("kill", f.component());
        return repaired(() -> launcher.run("start", f.component()));
    }

    private double stopAndStart(Fault f, Ledger ledger, List<String> notes) throws Exception {
        launcher.run("stop", f.component());
        long before503 = ledger.connector503.get();
        runFor(ledger, seconds("down-seconds", 12, 6));
        double recovery = repaired(() -> launcher.run("start", f.component()));
        if (f.component().equals("kafka")) {
            long got = ledger.connector503.get() - before503;
            long withRetryAfter = ledger.connector503WithRetryAfter.get();
            boolean held = got > 0 && withRetryAfter == ledger.connector503.get();
            if (!held) allHeld = false;
            notes.add(String.format(Locale.ROOT, "while the broker was down the connector answered 503 %d times, %d of them with "
                    + "Retry-After%s", ledger.connector503.get(), withRetryAfter, held ? "" : " (**expected every refusal to be a 503 with Retry-After**)"));
        }
        return recovery;
    }

    private double keycloak(Fault f, Ledger ledger, List<String> notes) throws Exception {
        // fresh tokens for everyone first: they must carry the load through the downtime
        stack.forgetTokens();
        java.util.concurrent.ExecutorService logins = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<String>> fresh = new ArrayList<>();
            for (int i = 0; i < cast.logins().size(); i++) {
                int person = i;
                fresh.add(logins.submit(() -> cast.token(person)));
            }
            for (java.util.concurrent.Future<String> token : fresh) token.get();
        } finally {
            logins.shutdownNow();
        }
        stack.clientToken("crm-connector", options.string("crm-secret", "crm-connector-secret"));
        stack.clientToken("hr-connector", options.string("hr-secret", "hr-connector-secret"));
        long acceptedBefore = ledger.acceptedTotal();
        launcher.run("stop", f.component());

        StackClient.Answer issued = stack.get("feed", "/api/feed/home?limit=5", cast.token(0));
        StackClient.Answer issuedSearch = stack.get("search", "/api/search?q=fiable&limit=1", cast.token(0));
        String login;
        try {
            StackClient.Answer a = stack.freshLogin(cast.login(1), cast.login(1));
            login = "answered " + a.status();
        } catch (IllegalStateException e) {
            login = "refused at once (" + e.getMessage() + ")";
        }
        long t = System.nanoTime();
        String web;
        try {
            StackClient.Answer a = stack.get("web", "/", null);
            web = a.status() + (a.header("location") != null ? " → " + a.header("location").replaceAll("\\?.*", "?…") : "");
        } catch (IllegalStateException e) {
            web = "no answer (" + e.getMessage() + ")";
        }
        double webMs = (System.nanoTime() - t) / 1e6;
        StackClient.Answer unknown = stack.get("feed", "/api/feed/home", "not-a-token");
        runFor(ledger, seconds("down-seconds", 12, 6));
        long acceptedDuring = ledger.acceptedTotal() - acceptedBefore;
        double recovery = repaired(() -> launcher.run("start", f.component()));
        boolean held = issued.status() == 200 && issuedSearch.status() == 200 && unknown.status() == 401
                && !login.startsWith("answered 2") && acceptedDuring > 0 && !web.startsWith("5") && webMs < 10_000;
        if (!held) allHeld = false;
        notes.add(String.format(Locale.ROOT, "while Keycloak was down: a token issued before answered %d on the home feed and %d "
                        + "on search; %d writes were accepted with issued tokens; a new login %s; the web app's / answered %s in "
                        + "%.0f ms; an unknown token answered %d%s", issued.status(), issuedSearch.status(), acceptedDuring, login, web,
                webMs, unknown.status(), held ? "" : " (**not as expected: issued tokens 200, new logins refused, no 5xx, unknown token 401**)"));
        return recovery;
    }

    private double poison(Ledger ledger, List<String> notes, String markerPrefix) throws Exception {
        Poison poison = new Poison(bootstrap, "fz-poison-" + run);
        List<String> sent = poison.send();
        long t0 = System.nanoTime();
        AtomicReference<Poison.DeadLetters> dl = new AtomicReference<>();
        boolean all = awaitQuietly(Duration.ofSeconds(120), () -> {
            dl.set(poison.read());
            return dl.get().copiesPerPoison().values().stream().allMatch(c -> c > 0);
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        Poison.DeadLetters d = dl.get();
        long reached = d.copiesPerPoison().values().stream().filter(c -> c > 0).count();
        if (!all) allHeld = false;
        notes.add(String.format(Locale.ROOT, "%d poison records sent (3 to each of relais.activities and relais.profiles: not JSON, "
                        + "a JSON array, a CloudEvent whose activity breaks the contract); %d of them reached a dead-letter topic "
                        + "(copies per topic %s, one per consumer group that read it; copies per record %s); first reason: %s",
                sent.size(), reached, d.copiesPerTopic(), d.copiesPerPoison().values(), d.exampleReason()));
        return seconds;
    }

    /** After a failed phase, brings the touched component back so the next phase starts on a whole stack. */
    private void repairAfterFailure(Fault f) {
        if (f.component() == null) return;
        try {
            launcher.run("start", f.component());
        } catch (Exception e) {
            Progress.say("  could not restart %s: %s", f.component(), e.getMessage());
        }
    }
}
