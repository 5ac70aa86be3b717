package com.tierdesk.knowledge;

/**
 * A search of the articles: the words (any text; empty lists the latest changed), the language ({@code null} for
 * both), the status ({@code null} for both) and how many to give at most.
 */
public record ArticleQuery(String text, String language, ArticleStatus status, int limit) {

    /** Published articles matching the text, in both languages: what agents search. */
    public static ArticleQuery published(String text, int limit) {
        return new ArticleQuery(text, null, ArticleStatus.PUBLISHED, limit);
    }
}
