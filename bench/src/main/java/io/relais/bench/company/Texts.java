package io.relais.bench.company;

import java.util.List;
import java.util.SplittableRandom;

/** French and English phrases assembled into plausible posts, comments and business-card titles. */
public final class Texts {

    static final List<String> FR_OPENINGS = List.of("Bonjour à tous,", "Petite nouvelle :", "Retour sur la réunion :",
            "Pour info,", "Bravo à l'équipe !", "Question rapide :", "Rappel :", "Bonne nouvelle :");
    static final List<String> FR_SUBJECTS = List.of("le nouveau contrat", "la migration du CRM", "le salon de Lyon",
            "notre client Dupont", "la revue trimestrielle", "le projet Atlas", "l'atelier sécurité", "le plan de formation",
            "la rentrée commerciale", "le séminaire d'équipe", "l'appel d'offres", "la démo produit");
    static final List<String> FR_VERBS = List.of("avance bien", "est signé", "prend du retard", "commence lundi",
            "a besoin de volontaires", "est reporté", "dépasse les objectifs", "demande une relecture");
    static final List<String> FR_TAILS = List.of("Merci pour vos retours.", "Les détails sont dans le document partagé.",
            "N'hésitez pas à réagir.", "On en reparle jeudi.", "Qui est partant ?", "Félicitations à tous.");

    static final List<String> EN_OPENINGS = List.of("Hi all,", "Quick update:", "Notes from the meeting:", "FYI,",
            "Kudos to the team!", "Quick question:", "Reminder:", "Good news:");
    static final List<String> EN_SUBJECTS = List.of("the new contract", "the CRM migration", "the Berlin trade show",
            "our customer Acme", "the quarterly review", "project Atlas", "the security workshop", "the training plan",
            "the sales kickoff", "the team offsite", "the tender", "the product demo");
    static final List<String> EN_VERBS = List.of("is on track", "is signed", "is running late", "starts on Monday",
            "needs volunteers", "is postponed", "beats the targets", "needs a review");
    static final List<String> EN_TAILS = List.of("Thanks for your feedback.", "Details are in the shared document.",
            "Feel free to react.", "Let's discuss on Thursday.", "Who is in?", "Congratulations everyone.");

    static final List<String> HASHTAGS = List.of("onboarding", "qualité", "ventes", "sécurité", "innovation", "rh",
            "clients", "atlas", "formation", "welcome", "sales", "security");

    /** Words the search scenarios query for (they occur in generated text). */
    public static final List<String> QUERY_WORDS = List.of("contrat", "contract", "migration", "client", "customer",
            "revue", "review", "projet", "project", "sécurité", "security", "formation", "training", "démo", "demo",
            "salon", "séminaire", "offsite", "atlas", "tender", "appel", "objectifs", "targets", "volontaires");

    private Texts() {
    }

    /** A post of two to four sentences. */
    public static String post(SplittableRandom rnd, String lang) {
        boolean fr = "fr".equals(lang);
        StringBuilder s = new StringBuilder(pick(rnd, fr ? FR_OPENINGS : EN_OPENINGS));
        int sentences = 1 + rnd.nextInt(3);
        for (int i = 0; i < sentences; i++) {
            s.append(' ').append(capitalise(pick(rnd, fr ? FR_SUBJECTS : EN_SUBJECTS))).append(' ')
                    .append(pick(rnd, fr ? FR_VERBS : EN_VERBS)).append('.');
        }
        s.append(' ').append(pick(rnd, fr ? FR_TAILS : EN_TAILS));
        return s.toString();
    }

    public static String comment(SplittableRandom rnd, String lang) {
        boolean fr = "fr".equals(lang);
        return capitalise(pick(rnd, fr ? FR_SUBJECTS : EN_SUBJECTS)) + " " + pick(rnd, fr ? FR_VERBS : EN_VERBS) + ". "
                + pick(rnd, fr ? FR_TAILS : EN_TAILS);
    }

    public static String hashtag(SplittableRandom rnd) {
        return pick(rnd, HASHTAGS);
    }

    public static String query(SplittableRandom rnd) {
        return rnd.nextInt(4) == 0 ? pick(rnd, QUERY_WORDS) + " " + pick(rnd, QUERY_WORDS) : pick(rnd, QUERY_WORDS);
    }

    static <T> T pick(SplittableRandom rnd, List<T> from) {
        return from.get(rnd.nextInt(from.size()));
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
