package io.relais.profile.expertise;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.relais.kit.error.ProblemException;
import io.relais.profile.person.Person;
import io.relais.profile.person.PersonRepository;
import io.relais.profile.person.PersonService;
import io.relais.profile.person.SkillEndorsements;
import io.relais.profile.person.Skills;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One endorsement per colleague per skill: its {@code _id} is target|skill|endorser, so the second
 * endorsement is a duplicate key, not a second count. The count lives in the person document.
 */
@ApplicationScoped
public class Endorsements implements SkillEndorsements {

    static final String COLLECTION = "endorsements";
    static final String COUNTER = "endorsements";

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Inject
    PersonService people;

    @Inject
    PersonRepository repository;

    public record Result(String skill, int endorsements, boolean endorsedByMe) {
    }

    public Result endorse(String targetLogin, String skill, String endorser) {
        Person target = people.require(targetLogin);
        String listed = listedSkill(target, skill);
        if (target.login.equals(endorser)) {
            throw ProblemException.forbidden("you cannot endorse your own skills; colleagues do");
        }
        String key = Skills.key(listed);
        try {
            collection().insertOne(new Document("_id", id(target.login, key, endorser)).append("target", target.login)
                    .append("skill", key).append("endorser", endorser).append("at", new Date()));
            repository.increment(target.login, Skills.counterPath(COUNTER, key), 1);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) throw e;
            // already endorsed by this colleague: nothing changes
        }
        return new Result(listed, count(target.login, key), true);
    }

    public Result withdraw(String targetLogin, String skill, String endorser) {
        Person target = people.require(targetLogin);
        String key = Skills.key(skill);
        boolean removed = collection().deleteOne(Filters.eq("_id", id(target.login, key, endorser))).getDeletedCount() == 1;
        if (removed) {
            repository.increment(target.login, Skills.counterPath(COUNTER, key), -1);
        }
        String shown = target.skills.stream().filter(s -> Skills.key(s).equals(key)).findFirst().orElse(Skills.clean(skill));
        return new Result(shown, count(target.login, key), false);
    }

    /** The skill keys of {@code target} that {@code viewer} endorsed: one keyed lookup. */
    @Override
    public Set<String> endorsedBy(Person target, String viewer) {
        List<String> ids = target.skills.stream().map(s -> id(target.login, Skills.key(s), viewer)).toList();
        Set<String> out = new HashSet<>();
        if (ids.isEmpty()) return out;
        for (Document d : collection().find(Filters.in("_id", ids))) {
            out.add(d.getString("skill"));
        }
        return out;
    }

    /** An endorsement a person gave: the colleague's login and the skill key. */
    public record Given(String target, String skill) {
    }

    /** The endorsements a person gave (for their data export): a scan of the endorsements, acceptable for a rare export. */
    public List<Given> givenBy(String login) {
        List<Given> out = new java.util.ArrayList<>();
        for (Document d : collection().find(Filters.eq("endorser", login))) out.add(new Given(d.getString("target"), d.getString("skill")));
        out.sort(java.util.Comparator.comparing(Given::target).thenComparing(Given::skill));
        return out;
    }

    /**
     * Forgets an erased person's endorsements: those they gave (each endorsed colleague's count goes down by one)
     * and those they received. A scan of the endorsements, acceptable for a rare erasure; repeatable.
     *
     * @return how many endorsements were removed
     */
    public long forget(String login) {
        long removed = 0;
        for (Document d : collection().find(Filters.eq("endorser", login))) {
            if (collection().deleteOne(Filters.eq("_id", d.getString("_id"))).getDeletedCount() == 1) {
                repository.increment(d.getString("target"), Skills.counterPath(COUNTER, d.getString("skill")), -1);
                removed++;
            }
        }
        return removed + collection().deleteMany(Filters.eq("target", login)).getDeletedCount();
    }

    private String listedSkill(Person target, String skill) {
        String key = Skills.key(skill);
        return target.skills.stream().filter(s -> Skills.key(s).equals(key)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("skill '" + Skills.clean(skill) + "' on the profile of " + target.login));
    }

    private int count(String login, String key) {
        return repository.find(login).map(p -> p.endorsements.getOrDefault(key, 0)).orElse(0);
    }

    static String id(String target, String key, String endorser) {
        return target + "|" + key + "|" + endorser;
    }

    private MongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection(COLLECTION);
    }
}
