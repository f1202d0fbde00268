package io.relais.bench.stack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relais.bench.company.Texts;

import java.util.SplittableRandom;

/** An employee (a demo user) posting organisation-wide through feed-service: the other way content enters. */
final class Poster {

    private final StackClient stack;
    private final String login;
    private final String password;

    Poster(StackClient stack, String login, String password) {
        this.stack = stack;
        this.login = login;
        this.password = password;
    }

    String login() {
        return login;
    }

    /** Posts one note; returns the post IRI. {@code marker} is a word that makes it findable. */
    String post(long seq, String marker) {
        return post(seq, marker, null);
    }

    /** Same, into a community (its slug) rather than organisation-wide. */
    String post(long seq, String marker, String community) {
        SplittableRandom rnd = new SplittableRandom(seq);
        ObjectNode body = StackClient.JSON.createObjectNode();
        if (community != null) body.putObject("audience").put("community", community);
        body.put("content", "<p>" + (marker == null ? "" : marker + " ") + Texts.post(rnd, rnd.nextInt(10) < 6 ? "fr" : "en")
                + " #" + Texts.hashtag(rnd) + "</p>");
        StackClient.Answer a = stack.post("feed", "/api/posts", stack.personToken(login, password), body.toString());
        if (a.status() != 201 && a.status() != 200) {
            throw new IllegalStateException("post answered " + a.status() + ": " + Connector.abbreviate(a.body()));
        }
        return a.json().path("id").asText();
    }
}
