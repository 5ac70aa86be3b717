package com.tierdesk.knowledge.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The term index of articles and quick replies (table {@code knowledge_term}): for each item and field (title or
 * body) the terms of {@link SearchTerms} and how often each occurs. It is rewritten for an item in the transaction
 * that saves the item, so a search never sees an item's old text beside its new one, on any database.
 */
@Repository
public class TermIndex {

    /** What is indexed: articles or quick replies. */
    public enum Kind {
        ARTICLE("A", "knowledge_article"), TEMPLATE("T", "knowledge_template");

        final String column;
        final String table;

        Kind(String column, String table) {
            this.column = column;
            this.table = table;
        }
    }

    /** A term's occurrences in one field of one item, as read for scoring. */
    public record Posting(long item, boolean title, String term, int occurrences) {
    }

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;

    TermIndex(JdbcClient jdbc, NamedParameterJdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** Replaces the item's terms by those of its title and body. */
    public void index(Kind kind, long item, String title, String body) {
        remove(kind, item);
        var rows = new ArrayList<MapSqlParameterSource>();
        add(rows, kind, item, "T", title);
        add(rows, kind, item, "B", body);
        batches.batchUpdate("""
                INSERT INTO knowledge_term (kind, item_id, field, term, occurrences)
                VALUES (:kind, :item, :field, :term, :occurrences)
                """, rows.toArray(MapSqlParameterSource[]::new));
    }

    /** Forgets the item's terms. */
    public void remove(Kind kind, long item) {
        jdbc.sql("DELETE FROM knowledge_term WHERE kind = :kind AND item_id = :item")
                .param("kind", kind.column).param("item", item).update();
    }

    private static void add(List<MapSqlParameterSource> rows, Kind kind, long item, String field, String text) {
        SearchTerms.counted(text).forEach((term, count) -> rows.add(new MapSqlParameterSource()
                .addValue("kind", kind.column).addValue("item", item).addValue("field", field)
                .addValue("term", term).addValue("occurrences", count)));
    }

    /**
     * The postings of the terms among the items of the kind that pass the filter ({@code null} language or status:
     * any; templates have no status), and how many such items contain each term.
     */
    public Postings postings(Kind kind, List<String> terms, String language, String status) {
        var postings = new ArrayList<Posting>();
        var documents = new HashMap<String, LinkedHashSet<Long>>();
        String filter = filter(kind);
        jdbc.sql("SELECT t.item_id, t.field, t.term, t.occurrences FROM knowledge_term t JOIN " + kind.table
                        + " a ON a.id = t.item_id WHERE t.kind = :kind AND t.term IN (:terms) AND " + filter)
                .param("kind", kind.column).param("terms", terms).param("language", language).param("status", status)
                .query(rs -> {
                    var posting = new Posting(rs.getLong(1), "T".equals(rs.getString(2)), rs.getString(3), rs.getInt(4));
                    postings.add(posting);
                    documents.computeIfAbsent(posting.term(), term -> new LinkedHashSet<>()).add(posting.item());
                });
        Map<String, Integer> frequency = new HashMap<>();
        documents.forEach((term, items) -> frequency.put(term, items.size()));
        int total = jdbc.sql("SELECT COUNT(*) FROM " + kind.table + " a WHERE " + filter)
                .param("language", language).param("status", status).query(Integer.class).single();
        return new Postings(postings, frequency, total);
    }

    private static String filter(Kind kind) {
        String language = "(CAST(:language AS VARCHAR(8)) IS NULL OR a.language = :language)";
        return kind == Kind.ARTICLE
                ? language + " AND (CAST(:status AS VARCHAR(16)) IS NULL OR a.status = :status)"
                : language + " AND CAST(:status AS VARCHAR(16)) IS NULL";
    }

    /** The postings found, each term's document frequency and the number of articles searched. */
    public record Postings(List<Posting> postings, Map<String, Integer> documentFrequency, int documents) {
    }
}
