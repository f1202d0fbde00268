package io.relais.search.index;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.relais.events.Activity;
import io.relais.events.ActivityJson;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.events.Audience;
import io.relais.events.Iri;
import io.relais.events.Topics;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, finding F15: a kill -9 of search-service must not lose the person documents it had read. The
 * index is fed N profile snapshots, a commit makes the first half durable (and only then acknowledges their
 * offsets), the second half is applied but the process dies before the next commit: no {@code close()}, the
 * disk is taken as the crash left it. The next process opens that disk and its consumer resumes from the
 * committed offset: every one of the N people is found, and what the disk held before the resume is exactly
 * what the committed offset says was acknowledged (no offset acknowledged ahead of the index commit).
 * Plain JUnit: the consumer is a list of records with Kafka's commit semantics, the index is the real one.
 */
class CrashDurabilityTest {

    static final int PEOPLE = 40;

    @TempDir
    Path disks;

    @Test
    void peopleReadBeforeAKillAreAllFoundOnceTheConsumerResumes() throws IOException {
        List<SearchIndex.IncomingRecord> log = IntStream.range(0, PEOPLE).mapToObj(CrashDurabilityTest::snapshot).toList();
        AtomicLong committed = new AtomicLong(); // the consumer group's committed offset of relais.profiles-0

        Path beforeCrash = disks.resolve("before");
        SearchIndex first = index(beforeCrash);
        for (SearchIndex.IncomingRecord r : log.subList(0, PEOPLE / 2)) first.applyLive(r, ack(committed, r));
        assertThat(committed.get()).as("nothing is acknowledged before the index commit").isZero();
        first.commitAndAcknowledge();
        assertThat(committed.get()).isEqualTo(PEOPLE / 2);
        for (SearchIndex.IncomingRecord r : log.subList(PEOPLE / 2, PEOPLE)) first.applyLive(r, ack(committed, r));
        first.current().refreshNow();
        assertThat(found(first, log)).hasSize(PEOPLE); // searchable (near-real-time), not yet durable

        Path afterCrash = disks.resolve("after");
        copyAsTheCrashLeftIt(beforeCrash, afterCrash); // kill -9: no commit, no close
        assertThat(committed.get()).isEqualTo(PEOPLE / 2);

        SearchIndex second = index(afterCrash);
        second.current().refreshNow();
        assertThat(found(second, log)).as("the disk holds what was acknowledged").hasSize((int) committed.get());
        for (SearchIndex.IncomingRecord r : log.subList((int) committed.get(), PEOPLE)) second.applyLive(r, ack(committed, r));
        second.commitAndAcknowledge();
        second.current().refreshNow();

        assertThat(found(second, log)).hasSize(PEOPLE);
        assertThat(committed.get()).isEqualTo(PEOPLE);
        first.onStop(null);
        second.onStop(null);
    }

    /** A person snapshot at offset {@code i} of partition 0 of relais.profiles, as profile-service publishes it. */
    static SearchIndex.IncomingRecord snapshot(int i) {
        String iri = Iri.person("veilleur" + i);
        AsObject person = AsObject.builder().id(iri).type(As2.PERSON).name("Veilleur " + i).summary("Nuit")
                .relais(Map.of("login", "veilleur" + i, "title", "Nuit", "status", "active")).build();
        Activity a = Activity.builder().type(As2.UPDATE).actor(iri).object(person).to(Audience.ORGANISATION).build();
        return new SearchIndex.IncomingRecord(Topics.PROFILES, 0, i, iri, ActivityJson.writeString(a));
    }

    /** Kafka's commit of an acknowledged record: the next offset to read. */
    static Runnable ack(AtomicLong committed, SearchIndex.IncomingRecord r) {
        return () -> committed.accumulateAndGet(r.offset() + 1, Math::max);
    }

    static List<String> found(SearchIndex index, List<SearchIndex.IncomingRecord> log) {
        return log.stream().map(SearchIndex.IncomingRecord::key).filter(iri -> index.current().read(
                s -> s.count(new TermQuery(new Term(Fields.ID, iri)))) == 1).toList();
    }

    static SearchIndex index(Path root) {
        SearchIndex index = new SearchIndex();
        index.config = config(root);
        index.registry = new SimpleMeterRegistry();
        index.catchUp = new IndexCatchUp() {
            @Override
            void indexOpened(boolean startedEmpty) {
                // no broker here: readiness is not under test
            }
        };
        index.open();
        return index;
    }

    /** Copies the files as they are on disk now (the writer still holds its lock, which is left behind). */
    static void copyAsTheCrashLeftIt(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(f -> {
                try {
                    Path target = to.resolve(from.relativize(f).toString());
                    if (Files.isDirectory(f)) Files.createDirectories(target);
                    else if (!f.getFileName().toString().equals("write.lock")) Files.copy(f, target);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    static SearchConfig config(Path root) {
        return new SearchConfig() {
            @Override
            public String indexDir() {
                return root.toString();
            }

            @Override
            public Duration refreshInterval() {
                return Duration.ofMillis(150);
            }

            @Override
            public Duration backgroundRefreshInterval() {
                return Duration.ofSeconds(1);
            }

            @Override
            public Duration commitInterval() {
                return Duration.ofHours(1); // commits happen when the test says so
            }

            @Override
            public String replicaId() {
                return "crash-test";
            }

            @Override
            public int maxLimit() {
                return 50;
            }

            @Override
            public int maxQueryChars() {
                return 500;
            }
        };
    }
}
