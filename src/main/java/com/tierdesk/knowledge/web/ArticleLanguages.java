package com.tierdesk.knowledge.web;

import com.tierdesk.knowledge.internal.KnowledgeRules;
import java.util.List;

/** The languages the console offers for articles and templates. */
final class ArticleLanguages {

    static final List<String> CODES = KnowledgeRules.LANGUAGES;

    private ArticleLanguages() {
    }
}
