package com.tierdesk.knowledge;

import java.time.Instant;
import java.util.List;

/**
 * An article of the knowledge base in one language ({@code zh-CN} or {@code en}); {@code version} counts its saves
 * (optimistic locking), {@code publishedAt} is when it was last published ({@code null} for a draft never published).
 */
public record Article(long id, String title, String body, String language, ArticleStatus status, List<String> tags,
                      long version, String createdBy, Instant createdAt, String updatedBy, Instant updatedAt,
                      Instant publishedAt) {

    public Article {
        tags = List.copyOf(tags);
    }
}
