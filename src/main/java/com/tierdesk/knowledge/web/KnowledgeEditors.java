package com.tierdesk.knowledge.web;

import com.tierdesk.knowledge.Article;
import com.tierdesk.knowledge.ArticleStatus;
import com.tierdesk.security.ConsoleAccess;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.NotFound;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who edits the knowledge base: whoever may write an article (supervisors and administrators, by the access rules);
 * for everybody else drafts do not exist. And the period and size of the report, checked alike for the API and the
 * console.
 */
@Component
class KnowledgeEditors {

    static final int MAX_DAYS = 366;
    static final int MAX_LIMIT = 100;

    private final ConsoleAccess access;
    private final BusinessTime time;

    KnowledgeEditors(ConsoleAccess access, BusinessTime time) {
        this.access = access;
        this.time = time;
    }

    boolean edits(Authentication caller) {
        return ConsoleAccess.role(caller)
                .map(role -> access.may(role, HttpMethod.POST, "/api/v1/knowledge/articles")).orElse(false);
    }

    /** The article, when the caller may read it: a draft is no article to an agent. */
    Article readable(Article article, Authentication caller) {
        if (article.status() == ArticleStatus.DRAFT && !edits(caller)) {
            throw new NotFound("id", "problem.knowledge.no-article", article.id());
        }
        return article;
    }

    Instant now() {
        return time.now();
    }

    static Instant since(int days, Instant now) {
        if (days < 1 || days > MAX_DAYS) {
            throw InvalidInput.of("days", "problem.between", 1, MAX_DAYS);
        }
        return now.minus(Duration.ofDays(days));
    }

    static int limit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInput.of("limit", "problem.between", 1, MAX_LIMIT);
        }
        return limit;
    }
}
