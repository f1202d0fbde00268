package io.relais.bench.company;

import io.relais.events.Iri;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic synthetic company (same seed, same company): people with a French or English
 * working language, a follow graph with lognormal out-degrees (median ~100 by default) and Zipf
 * popularity (a few people are followed by very many), and communities with Pareto sizes, the
 * largest capped at 50,000 members (the company-wide community every large firm has).
 */
public final class SyntheticCompany {

    public static final int MAX_COMMUNITY = 50_000;

    public record Person(int index, String login, String displayName, String lang, String department) {
        public String iri() {
            return Iri.person(login);
        }
    }

    public record Community(int index, String slug, String name, String visibility, int[] members) {
        public String iri() {
            return Iri.community(slug);
        }
    }

    /** Knobs of the generator; {@link #defaults(int)} gives the shape at any size. */
    public record Shape(int people, double followsMedian, double followsSigma, int communities,
                        double communityAlpha, int communityMin, int maxCommunity, double frenchShare) {
        public static Shape defaults(int people) {
            return new Shape(people, 100, 0.9, Math.max(3, people / 40), 1.0, 8, MAX_COMMUNITY, 0.6);
        }

        public Shape withFollowsMedian(double median) {
            return new Shape(people, median, followsSigma, communities, communityAlpha, communityMin, maxCommunity, frenchShare);
        }
    }

    static final List<String> FIRST = List.of("Camille", "Léa", "Hugo", "Chloé", "Louis", "Manon", "Jules", "Inès",
            "Arthur", "Sarah", "Noah", "Emma", "Oliver", "Amelia", "George", "Isla", "Harry", "Ava", "Jack", "Mia");
    static final List<String> LAST = List.of("Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit",
            "Durand", "Leroy", "Moreau", "Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans", "Walker", "Wright");
    static final List<String> DEPARTMENTS = List.of("Ventes", "Marketing", "R&D", "Finance", "RH", "Support",
            "Operations", "Legal", "IT", "Customer Success");

    private final long seed;
    private final Shape shape;
    private final Person[] people;
    private final int[][] follows;
    private final Community[] communities;

    private SyntheticCompany(long seed, Shape shape, Person[] people, int[][] follows, Community[] communities) {
        this.seed = seed;
        this.shape = shape;
        this.people = people;
        this.follows = follows;
        this.communities = communities;
    }

    public static SyntheticCompany generate(Shape shape, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = shape.people();
        Person[] people = new Person[n];
        for (int i = 0; i < n; i++) {
            String lang = rnd.nextDouble() < shape.frenchShare() ? "fr" : "en";
            people[i] = new Person(i, String.format("bench%06d", i),
                    Texts.pick(rnd, FIRST) + " " + Texts.pick(rnd, LAST), lang, Texts.pick(rnd, DEPARTMENTS));
        }
        // popularity ranks are a random permutation, so the popular people are not the first logins
        int[] byPopularity = permutation(n, rnd);
        HeavyTail.Zipf popularity = new HeavyTail.Zipf(n, 0.9);
        int[][] follows = new int[n][];
        BitSet chosen = new BitSet(n);
        for (int i = 0; i < n; i++) {
            int degree = (int) Math.round(HeavyTail.lognormal(rnd, shape.followsMedian(), shape.followsSigma()));
            degree = Math.max(1, Math.min(degree, Math.max(1, (n - 1) / 2)));
            int[] out = new int[degree];
            chosen.clear();
            chosen.set(i);
            int filled = 0;
            int attempts = 0;
            while (filled < degree) {
                // Zipf first; if the popular head is exhausted, fall back to uniform picks
                int candidate = attempts++ < 20 * degree ? byPopularity[popularity.sample(rnd)] : rnd.nextInt(n);
                if (!chosen.get(candidate)) {
                    chosen.set(candidate);
                    out[filled++] = candidate;
                }
            }
            follows[i] = out;
        }
        Community[] communities = new Community[shape.communities()];
        for (int c = 0; c < communities.length; c++) {
            int size = c == 0 ? shape.maxCommunity()
                    : (int) HeavyTail.pareto(rnd, shape.communityMin(), shape.communityAlpha());
            size = Math.max(2, Math.min(size, Math.min(n, shape.maxCommunity())));
            double v = rnd.nextDouble();
            String visibility = c == 0 || v < 0.7 ? "public" : v < 0.9 ? "private" : "secret";
            String topic = Texts.hashtag(rnd);
            communities[c] = new Community(c, String.format("bench-%s-%04d", topic.replaceAll("[^a-z]", ""), c),
                    (c == 0 ? "Vie de l'entreprise" : "Communauté " + topic + " " + c), visibility,
                    sample(n, size, rnd));
        }
        return new SyntheticCompany(seed, shape, people, follows, communities);
    }

    public static SyntheticCompany generate(int people, long seed) {
        return generate(Shape.defaults(people), seed);
    }

    public long seed() {
        return seed;
    }

    public Shape shape() {
        return shape;
    }

    public int size() {
        return people.length;
    }

    public Person person(int i) {
        return people[i];
    }

    /** Indexes of the people {@code i} follows. */
    public int[] follows(int i) {
        return follows[i];
    }

    public Community[] communities() {
        return communities;
    }

    public int followsMedian() {
        int[] d = Arrays.stream(follows).mapToInt(f -> f.length).sorted().toArray();
        return d[d.length / 2];
    }

    /** Follower counts (in-degrees), per person. */
    public int[] followerCounts() {
        int[] in = new int[people.length];
        for (int[] f : follows) for (int t : f) in[t]++;
        return in;
    }

    public String describe() {
        int[] in = followerCounts();
        int maxIn = Arrays.stream(in).max().orElse(0);
        int[] sizes = Arrays.stream(communities).mapToInt(c -> c.members().length).sorted().toArray();
        long edges = Arrays.stream(follows).mapToLong(f -> f.length).sum();
        return String.format("%,d people (seed %d), %,d follows (median %d per person, most-followed person %,d followers), "
                        + "%,d communities (median %d members, largest %,d)",
                people.length, seed, edges, followsMedian(), maxIn, sizes.length, sizes[sizes.length / 2],
                sizes[sizes.length - 1]);
    }

    private static int[] permutation(int n, SplittableRandom rnd) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i]; p[i] = p[j]; p[j] = t;
        }
        return p;
    }

    /** k distinct indexes of 0..n-1 (Floyd's algorithm), ascending. */
    private static int[] sample(int n, int k, SplittableRandom rnd) {
        BitSet set = new BitSet(n);
        for (int j = n - k; j < n; j++) {
            int t = rnd.nextInt(j + 1);
            if (set.get(t)) set.set(j);
            else set.set(t);
        }
        return set.stream().toArray();
    }
}
