package com.tierdesk.knowledge;

import java.util.List;

/**
 * What an editor writes: the title, the body (plain text: {@code #} starts a heading, {@code -} a list item), the
 * language and the tags.
 */
public record ArticleDraft(String title, String body, String language, List<String> tags) {

    public ArticleDraft {
        tags = tags == null ? List.of() : tags;
    }
}
