package io.relais.bench.company;

import io.relais.events.Activity;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.events.Audience;
import io.relais.events.Iri;
import io.relais.events.Tag;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What people and business systems do, in realistic proportions (by default per 100 activities:
 * 15 posts, 25 comments, 45 reactions, 15 business events), in the author's language, built with
 * the event contract's own builders so payload sizes are those of the real system.
 */
public final class ActivityMix {

    public enum Kind { POST, COMMENT, REACTION, BUSINESS }

    private static final String[] REACTIONS = {"like", "like", "like", "like", "celebrate", "celebrate", "insightful", "support"};
    private static final String[] HR_TYPES = {"employee.hired", "employee.moved", "employee.anniversary"};
    private static final String[] CRM_TYPES = {"deal.won", "account.created", "opportunity.stage-changed"};

    private final SyntheticCompany company;
    private final SplittableRandom rnd;
    private final double posts, comments, reactions;
    private final List<String> recentPosts = new ArrayList<>();
    private long counter;

    public ActivityMix(SyntheticCompany company, long seed) {
        this(company, seed, 0.15, 0.25, 0.45);
    }

    public ActivityMix(SyntheticCompany company, long seed, double posts, double comments, double reactions) {
        this.company = company;
        this.rnd = new SplittableRandom(seed);
        this.posts = posts;
        this.comments = comments;
        this.reactions = reactions;
    }

    public Kind nextKind() {
        double x = rnd.nextDouble();
        if (x < posts || recentPosts.isEmpty()) return Kind.POST;
        if (x < posts + comments) return Kind.COMMENT;
        if (x < posts + comments + reactions) return Kind.REACTION;
        return Kind.BUSINESS;
    }

    public Activity next() {
        return switch (nextKind()) {
            case POST -> post(company.person(rnd.nextInt(company.size())));
            case COMMENT -> comment(company.person(rnd.nextInt(company.size())));
            case REACTION -> reaction(company.person(rnd.nextInt(company.size())));
            case BUSINESS -> businessEvent();
        };
    }

    public Activity post(SyntheticCompany.Person author) {
        String id = Iri.post("bench-" + company.seed() + "-" + counter++);
        List<Tag> tags = new ArrayList<>();
        tags.add(Tag.hashtag(Texts.hashtag(rnd)));
        int[] follows = company.follows(author.index());
        if (follows.length > 0 && rnd.nextInt(3) == 0) {
            SyntheticCompany.Person m = company.person(follows[rnd.nextInt(follows.length)]);
            tags.add(Tag.mention(m.iri(), m.login()));
        }
        String text = Texts.post(rnd, author.lang());
        remember(id);
        AsObject note = AsObject.builder().id(id).type(As2.NOTE).attributedTo(author.iri())
                .content("<p>" + text + "</p>").tag(tags).to(Audience.ORGANISATION).published(Instant.now()).build();
        return Activity.builder().type(As2.CREATE).actor(author.iri()).object(note).to(Audience.ORGANISATION).build();
    }

    public Activity comment(SyntheticCompany.Person author) {
        String root = recentPosts.get(rnd.nextInt(recentPosts.size()));
        AsObject note = AsObject.builder().id(Iri.comment("bench-" + company.seed() + "-" + counter++)).type(As2.NOTE)
                .attributedTo(author.iri()).inReplyTo(root).context(root)
                .content("<p>" + Texts.comment(rnd, author.lang()) + "</p>")
                .to(Audience.ORGANISATION).published(Instant.now()).build();
        return Activity.builder().type(As2.CREATE).actor(author.iri()).object(note).to(Audience.ORGANISATION).build();
    }

    public Activity reaction(SyntheticCompany.Person author) {
        String root = recentPosts.get(rnd.nextInt(recentPosts.size()));
        return Activity.builder().type(As2.LIKE).actor(author.iri()).object(AsObject.ref(root)).target(root)
                .to(Audience.ORGANISATION).relais(Map.of("reaction", REACTIONS[rnd.nextInt(REACTIONS.length)])).build();
    }

    /** A connector-style business event (HR or CRM), as connector-service would publish it. */
    public Activity businessEvent() {
        BusinessEvent e = nextBusinessEvent();
        AsObject event = AsObject.builder().id(Iri.of(Iri.BUSINESS_EVENT, "bench-" + company.seed() + "-" + counter++))
                .type("Event").attributedTo(e.owner().iri())
                .name(e.titleFr()).nameMap(Map.of("fr", e.titleFr(), "en", e.titleEn()))
                .summaryMap(Map.of("fr", e.titleFr() + " — " + e.owner().department(), "en", e.titleEn() + " — " + e.owner().department()))
                .to(Audience.ORGANISATION).published(Instant.now()).build();
        AsObject generator = AsObject.builder().type("Application")
                .id(Iri.of(Iri.SOURCE, e.source() + "." + e.system())).name(e.system()).build();
        return Activity.builder().type(As2.CREATE).actor(generator.id()).object(event).generator(generator)
                .to(Audience.ORGANISATION)
                .relais(Map.of("business", Map.of("source", e.source(), "eventType", e.eventType(), "system", e.system(),
                        "sourceEventId", e.sourceEventId(), "data", e.data())))
                .build();
    }

    /** The raw business event as a source system would send it to the connector. */
    public record BusinessEvent(String source, String system, String eventType, String sourceEventId,
                                SyntheticCompany.Person owner, String titleFr, String titleEn, Map<String, Object> data) {
    }

    public BusinessEvent nextBusinessEvent() {
        SyntheticCompany.Person p = company.person(rnd.nextInt(company.size()));
        String sourceEventId = "bench-" + company.seed() + "-" + counter++;
        if (rnd.nextBoolean()) {
            String type = HR_TYPES[rnd.nextInt(HR_TYPES.length)];
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("login", p.login());
            data.put("displayName", p.displayName());
            data.put("department", p.department());
            data.put("title", "Chargé·e de projet");
            data.put("startDate", LocalDate.of(2020 + rnd.nextInt(6), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28)).toString());
            if (type.equals("employee.anniversary")) data.put("years", 1 + rnd.nextInt(20));
            return new BusinessEvent("hr", "workday", type, sourceEventId, p,
                    p.displayName() + " : " + frHr(type), p.displayName() + ": " + enHr(type), data);
        }
        String type = CRM_TYPES[rnd.nextInt(CRM_TYPES.length)];
        String account = Texts.pick(rnd, SyntheticCompany.LAST) + " " + Texts.pick(rnd, List.of("SA", "SAS", "GmbH", "Ltd", "Inc"));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("account", account);
        data.put("amount", 1000 * (1 + rnd.nextInt(500)));
        data.put("currency", "EUR");
        data.put("owner", p.login());
        return new BusinessEvent("crm", "salesforce", type, sourceEventId, p,
                "Affaire " + account + " (" + type + ")", "Deal " + account + " (" + type + ")", data);
    }

    private static String frHr(String type) {
        return switch (type) {
            case "employee.hired" -> "bienvenue dans l'équipe";
            case "employee.moved" -> "nouveau poste";
            default -> "anniversaire d'entreprise";
        };
    }

    private static String enHr(String type) {
        return switch (type) {
            case "employee.hired" -> "welcome to the team";
            case "employee.moved" -> "new role";
            default -> "work anniversary";
        };
    }

    private void remember(String postId) {
        if (recentPosts.size() < 1000) recentPosts.add(postId);
        else recentPosts.set(rnd.nextInt(recentPosts.size()), postId);
    }
}
