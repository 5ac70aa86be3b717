package com.tierdesk.knowledge;

import java.time.Instant;
import java.util.List;

/** An article as a save left it: version {@code n} is what the article said after its n-th save, by whom and when. */
public record ArticleVersion(long version, String title, String body, String language, ArticleStatus status,
                             List<String> tags, String savedBy, Instant savedAt) {

    public ArticleVersion {
        tags = List.copyOf(tags);
    }
}
