package io.relais.feed.feedview;

/**
 * Why an item ranks where it does in the "relevant" order: each part is in [0, 1] except the
 * announcement boost, and {@code total = wa·affinity + we·engagement + wr·recency + announcement}.
 */
public record Relevance(double affinity, double engagement, double recency, double announcement, double total) {
}
