package io.relais.search.index;

import io.relais.events.Activity;
import io.relais.events.ActivityJson;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.events.Audience;
import io.relais.events.Iri;
import io.relais.events.Topics;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, finding F15: the profiles topic is the only source of a person's document in search. People are
 * indexed from their {@code relais.profiles} snapshots; then {@code relais.activities} carries activities about
 * those people (their own posts, an older partial {@code Update} of the Person as the source-authority table lets
 * the hr connector assert, a {@code Delete}, an {@code Undo} and a moderator's hide naming the person IRI); search
 * is killed before it commits them (no {@code close()}, the disk as the crash left it) and, restarted, replays them
 * from the committed offset. Every person is still found once, with the name, title and department of their
 * profile. Plain JUnit: the consumer is a list of records with Kafka's commit semantics, the index is the real one.
 */
class ProfilesOwnPeopleTest {

    static final int PEOPLE = 12;

    @TempDir
    Path disks;

    @Test
    void activitiesAboutPeopleNeverReplaceOrRemoveWhatTheirProfilesSay() throws IOException {
        List<SearchIndex.IncomingRecord> profiles = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) profiles.add(snapshot(i));
        AtomicLong profilesCommitted = new AtomicLong();
        AtomicLong activitiesCommitted = new AtomicLong();

        Path beforeCrash = disks.resolve("before");
        SearchIndex first = CrashDurabilityTest.index(beforeCrash);
        for (SearchIndex.IncomingRecord r : profiles) first.applyLive(r, CrashDurabilityTest.ack(profilesCommitted, r));
        first.commitAndAcknowledge();
        assertThat(profilesCommitted.get()).isEqualTo(PEOPLE);
        assertThat(profileFieldsFound(first)).as("indexed from the profiles topic").hasSize(PEOPLE);

        List<SearchIndex.IncomingRecord> activities = activitiesAboutThePeople();
        for (SearchIndex.IncomingRecord r : activities) first.applyLive(r, CrashDurabilityTest.ack(activitiesCommitted, r));
        first.current().refreshNow();
        assertThat(profileFieldsFound(first)).as("read live").hasSize(PEOPLE);

        Path afterCrash = disks.resolve("after");
        CrashDurabilityTest.copyAsTheCrashLeftIt(beforeCrash, afterCrash); // kill -9: no commit, no close
        assertThat(activitiesCommitted.get()).as("nothing of the activities was acknowledged").isZero();

        SearchIndex second = CrashDurabilityTest.index(afterCrash);
        for (SearchIndex.IncomingRecord r : activities.subList((int) activitiesCommitted.get(), activities.size())) {
            second.applyLive(r, CrashDurabilityTest.ack(activitiesCommitted, r));
        }
        second.commitAndAcknowledge();
        second.current().refreshNow();

        assertThat(activitiesCommitted.get()).isEqualTo(activities.size());
        assertThat(profileFieldsFound(second)).as("replayed after the restart").hasSize(PEOPLE);
        int posts = second.current().read(s -> s.count(new TermQuery(new Term(Fields.ID, post(0)))));
        assertThat(posts).as("the people's own posts are indexed").isEqualTo(1);
        first.onStop(null);
        second.onStop(null);
    }

    /** The logins whose person document is there once, with the profile's name, title and department. */
    static List<String> profileFieldsFound(SearchIndex index) {
        index.current().refreshNow();
        List<String> found = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            String iri = Iri.person(login(i));
            Document d = index.current().read(s -> {
                TopDocs top = s.search(new TermQuery(new Term(Fields.ID, iri)), 2);
                return top.totalHits.value == 1 ? s.storedFields().document(top.scoreDocs[0].doc) : null;
            });
            if (d != null && ("Veilleuse " + i).equals(d.get(Fields.TITLE)) && title(i).equals(d.get(Fields.JOB_TITLE))
                    && "Exploitation".equals(d.get(Fields.DEPARTMENT))) {
                found.add(login(i));
            }
        }
        return found;
    }

    static String login(int i) {
        return "veilleuse" + i;
    }

    static String title(int i) {
        return "Astreinte de nuit " + i;
    }

    static String post(int i) {
        return Iri.of(Iri.POST, "01a22e00-0000-7000-8000-00000000000" + Integer.toHexString(i));
    }

    /** The full snapshot of person {@code i} at offset {@code i} of relais.profiles-0, as profile-service publishes it. */
    static SearchIndex.IncomingRecord snapshot(int i) {
        String iri = Iri.person(login(i));
        AsObject person = AsObject.builder().id(iri).type(As2.PERSON).name("Veilleuse " + i).summary(title(i))
                .relais(Map.of("login", login(i), "title", title(i), "department", "Exploitation", "status", "active"))
                .build();
        Activity a = Activity.builder().type(As2.UPDATE).actor(iri).object(person).to(Audience.ORGANISATION).build();
        return new SearchIndex.IncomingRecord(Topics.PROFILES, 0, i, iri, ActivityJson.writeString(a));
    }

    /** On relais.activities-0, per person: their post, an older partial Update of the Person, a Delete, an Undo, a hide. */
    static List<SearchIndex.IncomingRecord> activitiesAboutThePeople() {
        List<Activity> log = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            String iri = Iri.person(login(i));
            log.add(Activity.builder().type(As2.CREATE).actor(iri)
                    .object(AsObject.builder().id(post(i)).type(As2.NOTE).attributedTo(iri).content("<p>Relève de nuit</p>")
                            .build())
                    .to(Audience.ORGANISATION).build());
            log.add(Activity.builder().type(As2.UPDATE).actor("urn:relais:source:hr")
                    .object(AsObject.builder().id(iri).type(As2.PERSON).name("V. " + i).relais(Map.of("login", login(i))).build())
                    .to(Audience.ORGANISATION).build());
            log.add(Activity.builder().type(As2.DELETE).actor(iri).object(AsObject.ref(iri)).to(Audience.ORGANISATION).build());
            log.add(Activity.builder().type(As2.UNDO).actor(iri).object(AsObject.ref(iri)).to(Audience.ORGANISATION).build());
            log.add(Activity.builder().type(As2.UPDATE).actor(iri)
                    .object(AsObject.builder().id(iri).type(As2.PERSON).name("Veilleuse " + i)
                            .relais(Map.of("moderation", Map.of("state", "hidden"))).build())
                    .to(Audience.ORGANISATION).build());
        }
        List<SearchIndex.IncomingRecord> records = new ArrayList<>();
        for (int offset = 0; offset < log.size(); offset++) {
            Activity a = log.get(offset);
            records.add(new SearchIndex.IncomingRecord(Topics.ACTIVITIES, 0, offset, a.actor(), ActivityJson.writeString(a)));
        }
        return records;
    }
}
