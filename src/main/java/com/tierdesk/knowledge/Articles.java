package com.tierdesk.knowledge;

import com.tierdesk.knowledge.internal.ArticleStore;
import com.tierdesk.knowledge.internal.KnowledgeRules;
import com.tierdesk.knowledge.internal.Relevance;
import com.tierdesk.knowledge.internal.SearchTerms;
import com.tierdesk.knowledge.internal.TermIndex;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.NotFound;
import com.tierdesk.ticket.Ticket;
import com.tierdesk.ticket.TicketId;
import com.tierdesk.ticket.Tickets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The articles of the knowledge base: written and changed by editors (each change takes the version the editor read;
 * a stale one is a {@link Conflict} naming the current version), published for agents, every save keeping the text
 * it replaced as a version. Each save rewrites the article's terms in the term index in its own transaction, so
 * search is ranked by relevance on any database ({@link #search}).
 */
@Service
@Transactional(readOnly = true)
public class Articles {

    /** The code of the refusal of a change made on a version that is no longer the article's current one. */
    public static final String STALE_VERSION = "problem.knowledge.article-changed";
    static final int MAX_LIMIT = 200;

    private final ArticleStore store;
    private final TermIndex index;
    private final Tickets tickets;
    private final BusinessTime time;

    Articles(ArticleStore store, TermIndex index, Tickets tickets, BusinessTime time) {
        this.store = store;
        this.index = index;
        this.tickets = tickets;
        this.time = time;
    }

    /** A new draft. */
    @Transactional
    public Article create(ArticleDraft draft, String actor) {
        KnowledgeRules.check(draft);
        Instant now = time.now();
        var article = new Article(0, draft.title().strip(), draft.body().strip(), draft.language(),
                ArticleStatus.DRAFT, tags(draft), 0, actor, now, actor, now, null);
        long id = store.insert(article);
        index.index(TermIndex.Kind.ARTICLE, id, article.title(), article.body());
        return get(id);
    }

    /** New text for the article, keeping the text it had; a published article stays published. */
    @Transactional
    public Article update(long id, long expectedVersion, ArticleDraft draft, String actor) {
        KnowledgeRules.check(draft);
        Article current = current(id, expectedVersion);
        return save(current, new Article(id, draft.title().strip(), draft.body().strip(), draft.language(),
                current.status(), tags(draft), current.version() + 1, current.createdBy(), current.createdAt(), actor,
                time.now(), current.publishedAt()));
    }

    /** Publishes the article for agents as it is now: a save of its own, kept in the versions. */
    @Transactional
    public Article publish(long id, long expectedVersion, String actor) {
        Article current = current(id, expectedVersion);
        if (current.status() == ArticleStatus.PUBLISHED) {
            throw new Conflict("status", "problem.knowledge.already-published", id);
        }
        Instant now = time.now();
        return save(current, new Article(id, current.title(), current.body(), current.language(),
                ArticleStatus.PUBLISHED, current.tags(), current.version() + 1, current.createdBy(),
                current.createdAt(), actor, now, now));
    }

    /** Takes the article back to draft: agents no longer find it. */
    @Transactional
    public Article withdraw(long id, long expectedVersion, String actor) {
        Article current = current(id, expectedVersion);
        if (current.status() == ArticleStatus.DRAFT) {
            throw new Conflict("status", "problem.knowledge.not-published", id);
        }
        return save(current, new Article(id, current.title(), current.body(), current.language(),
                ArticleStatus.DRAFT, current.tags(), current.version() + 1, current.createdBy(),
                current.createdAt(), actor, time.now(), current.publishedAt()));
    }

    /** Deletes the article with its versions and terms: for an article written by mistake; withdraw one that is wrong. */
    @Transactional
    public void delete(long id, long expectedVersion) {
        current(id, expectedVersion);
        index.remove(TermIndex.Kind.ARTICLE, id);
        store.delete(id);
    }

    private Article save(Article before, Article after) {
        store.keepVersion(before);
        store.update(after);
        index.index(TermIndex.Kind.ARTICLE, after.id(), after.title(), after.body());
        return get(after.id());
    }

    private Article current(long id, long expectedVersion) {
        Article current = store.lock(id).orElseThrow(() -> unknown(id));
        if (current.version() != expectedVersion) {
            throw new Conflict("version", STALE_VERSION, id, current.version());
        }
        return current;
    }

    public Article get(long id) {
        return store.find(id).orElseThrow(() -> unknown(id));
    }

    /** The article's history: its current text first, then every earlier version, newest first. */
    public List<ArticleVersion> versions(long id) {
        Article article = get(id);
        var versions = new ArrayList<ArticleVersion>();
        versions.add(new ArticleVersion(article.version(), article.title(), article.body(), article.language(),
                article.status(), article.tags(), article.updatedBy(), article.updatedAt()));
        versions.addAll(store.versions(id));
        return versions;
    }

    /**
     * The articles that match the query, most relevant first ({@code Relevance}: a title hit outranks a body hit, rare
     * terms count more); an empty query lists the latest changed.
     */
    public List<ArticleHit> search(ArticleQuery query) {
        if (query.limit() < 1 || query.limit() > MAX_LIMIT) {
            throw InvalidInput.of("limit", "problem.between", 1, MAX_LIMIT);
        }
        KnowledgeRules.checkFilter(query.language());
        String status = query.status() == null ? null : query.status().name();
        List<String> terms = SearchTerms.of(query.text()).stream().distinct().toList();
        if (terms.isEmpty()) {
            return store.byIds(store.latest(query.language(), status, query.limit())).stream()
                    .map(article -> new ArticleHit(article, 0)).toList();
        }
        Map<Long, Double> scores = Relevance.scores(index.postings(TermIndex.Kind.ARTICLE, terms, query.language(), status));
        List<Long> best = scores.keySet().stream().limit(query.limit()).toList();
        return store.byIds(best).stream().map(article -> new ArticleHit(article, scores.get(article.id()))).toList();
    }

    /** Published articles for the ticket, ranked against its subject and tags. */
    public List<ArticleHit> suggestionsFor(TicketId ticketId, int limit) {
        Ticket ticket = tickets.get(ticketId).ticket();
        String text = ticket.subject() + " " + String.join(" ", ticket.tags());
        return search(ArticleQuery.published(text, limit));
    }

    /**
     * The tags of tickets created since the instant that no published article carries, the most frequent first:
     * the questions the knowledge base does not answer yet.
     */
    public List<TagGap> questionsWithoutArticle(Instant since, int limit) {
        Set<String> answered = store.publishedTags();
        return tickets.tagCounts(since).entrySet().stream().filter(entry -> !answered.contains(entry.getKey()))
                .limit(limit).map(entry -> new TagGap(entry.getKey(), entry.getValue())).toList();
    }

    private static List<String> tags(ArticleDraft draft) {
        return draft.tags().stream().map(String::strip).distinct().sorted().toList();
    }

    private static NotFound unknown(long id) {
        return new NotFound("id", "problem.knowledge.no-article", id);
    }
}
