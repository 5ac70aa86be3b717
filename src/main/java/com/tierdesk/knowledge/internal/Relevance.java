package com.tierdesk.knowledge.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The relevance of each item to a query: the sum over the query's terms found in it of the field's weight (a title
 * counts {@value #TITLE_WEIGHT} times a body), a saturating term-frequency score (one occurrence 1, never more than
 * {@value #K} + 1, so a body repeating a word never outweighs a title holding it once) and an inverse document
 * frequency, so that rare terms count more than common ones.
 */
public final class Relevance {

    static final double TITLE_WEIGHT = 3.0;
    static final double BODY_WEIGHT = 1.0;
    static final double K = 1.2;

    private Relevance() {
    }

    /** Item to score, best first. */
    public static Map<Long, Double> scores(TermIndex.Postings found) {
        var scores = new HashMap<Long, Double>();
        for (TermIndex.Posting posting : found.postings()) {
            double tf = posting.occurrences() * (K + 1) / (posting.occurrences() + K);
            double idf = Math.log(1 + (double) found.documents() / found.documentFrequency().get(posting.term()));
            double weight = posting.title() ? TITLE_WEIGHT : BODY_WEIGHT;
            scores.merge(posting.item(), weight * tf * idf, Double::sum);
        }
        var ranked = new LinkedHashMap<Long, Double>();
        scores.entrySet().stream()
                .sorted(Map.Entry.<Long, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEachOrdered(entry -> ranked.put(entry.getKey(), entry.getValue()));
        return ranked;
    }
}
