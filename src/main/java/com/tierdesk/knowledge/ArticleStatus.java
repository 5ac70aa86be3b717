package com.tierdesk.knowledge;

/** Where an article stands: a draft only editors see, or published for agents to read, search and be suggested. */
public enum ArticleStatus {
    DRAFT, PUBLISHED
}
