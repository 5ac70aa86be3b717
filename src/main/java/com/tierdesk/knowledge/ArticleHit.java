package com.tierdesk.knowledge;

/** An article a search found, with its relevance: higher is better, comparable within one search only. */
public record ArticleHit(Article article, double score) {
}
