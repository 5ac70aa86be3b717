package com.tierdesk.knowledge.web;

import com.tierdesk.knowledge.Article;
import com.tierdesk.knowledge.ArticleDraft;
import com.tierdesk.knowledge.ArticleHit;
import com.tierdesk.knowledge.ArticleQuery;
import com.tierdesk.knowledge.ArticleStatus;
import com.tierdesk.knowledge.ArticleVersion;
import com.tierdesk.knowledge.Articles;
import com.tierdesk.knowledge.RenderedReply;
import com.tierdesk.knowledge.ReplyTemplate;
import com.tierdesk.knowledge.ReplyTemplates;
import com.tierdesk.knowledge.TagGap;
import com.tierdesk.knowledge.TemplateDraft;
import com.tierdesk.shared.ApiProblems;
import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.IfMatch;
import com.tierdesk.shared.ProblemMessages;
import com.tierdesk.ticket.TicketId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/knowledge")
@PreAuthorize("isAuthenticated()")
@Tag(name = "Knowledge base", description = "Articles (versioned, draft or published, zh-CN or English) searched by "
        + "relevance, articles suggested for a ticket, quick replies filled in for a ticket, and the ticket tags no "
        + "article answers yet. Agents read published articles and use templates; supervisors and administrators "
        + "also see drafts, write and publish.")
class KnowledgeApiController {

    private static final String VERSION_DOC = "The version read, as its ETag (\"3\"); or the version in the body";

    private final Articles articles;
    private final ReplyTemplates templates;
    private final KnowledgeEditors editors;
    private final ProblemMessages messages;

    KnowledgeApiController(Articles articles, ReplyTemplates templates, KnowledgeEditors editors,
            ProblemMessages messages) {
        this.articles = articles;
        this.templates = templates;
        this.editors = editors;
        this.messages = messages;
    }

    /** An article as written, with the version the caller read ({@code version}; not read for a new article). */
    record ArticleRequest(String title, String body, String language, List<String> tags, Long version) {

        ArticleDraft draft() {
            return new ArticleDraft(title, body, language, tags);
        }
    }

    record TemplateRequest(String name, String body, String language, Long version) {

        TemplateDraft draft() {
            return new TemplateDraft(name, body, language);
        }
    }

    record VersionRequest(Long version) {
    }

    @GetMapping("/articles")
    @Operation(summary = "Search articles, most relevant first", description = "q is any text: Chinese is matched by "
            + "overlapping character pairs, other text by words; a title hit outranks a body hit. Without q, the "
            + "latest changed. Agents find published articles only; editors filter by status (both when empty).")
    List<ArticleHit> search(@RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) String language, @RequestParam(required = false) ArticleStatus status,
            @RequestParam(defaultValue = "20") int limit, Authentication caller) {
        return articles.search(new ArticleQuery(q, language,
                editors.edits(caller) ? status : ArticleStatus.PUBLISHED, limit));
    }

    @PostMapping("/articles")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Write a new article, as a draft")
    Article create(@RequestBody ArticleRequest request, Authentication caller) {
        return articles.create(request.draft(), caller.getName());
    }

    @GetMapping("/articles/{id}")
    @Operation(summary = "One article (a draft only for editors); its ETag is its version")
    ResponseEntity<Article> get(@PathVariable long id, Authentication caller) {
        return tagged(editors.readable(articles.get(id), caller));
    }

    @PutMapping("/articles/{id}")
    @Operation(summary = "Change an article", description = "The version read goes in If-Match (or the body's "
            + "version): 409 with currentVersion when somebody saved it since. The text it replaces is kept as a "
            + "version.")
    ResponseEntity<Article> update(@PathVariable long id, @RequestBody ArticleRequest request,
            @Parameter(description = VERSION_DOC) @RequestHeader(name = "If-Match", required = false) String ifMatch,
            Authentication caller) {
        return tagged(articles.update(id, version(ifMatch, request.version()), request.draft(), caller.getName()));
    }

    @PostMapping("/articles/{id}/publish")
    @Operation(summary = "Publish an article for agents (409 when published already or changed since read)")
    ResponseEntity<Article> publish(@PathVariable long id, @RequestBody(required = false) VersionRequest request,
            @Parameter(description = VERSION_DOC) @RequestHeader(name = "If-Match", required = false) String ifMatch,
            Authentication caller) {
        return tagged(articles.publish(id, version(ifMatch, request), caller.getName()));
    }

    @PostMapping("/articles/{id}/withdraw")
    @Operation(summary = "Take a published article back to draft")
    ResponseEntity<Article> withdraw(@PathVariable long id, @RequestBody(required = false) VersionRequest request,
            @Parameter(description = VERSION_DOC) @RequestHeader(name = "If-Match", required = false) String ifMatch,
            Authentication caller) {
        return tagged(articles.withdraw(id, version(ifMatch, request), caller.getName()));
    }

    @DeleteMapping("/articles/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an article with its versions", description = "For an article written by mistake; "
            + "withdraw one that is wrong. The version read goes in If-Match (or ?version=).")
    void delete(@PathVariable long id, @RequestParam(required = false) Long version,
            @Parameter(description = VERSION_DOC) @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        articles.delete(id, version(ifMatch, version));
    }

    @GetMapping("/articles/{id}/versions")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Operation(summary = "An article's history: the current text, then every earlier version, newest first")
    List<ArticleVersion> versions(@PathVariable long id) {
        return articles.versions(id);
    }

    @GetMapping("/suggestions")
    @Operation(summary = "Published articles for a ticket, ranked against its subject and tags")
    List<ArticleHit> suggestions(@RequestParam long ticket, @RequestParam(defaultValue = "5") int limit) {
        return articles.suggestionsFor(TicketId.of(ticket), limit);
    }

    @GetMapping("/reports/questions-without-article")
    @Operation(summary = "Ticket tags that no published article carries, most frequent first",
            description = "Over the tickets created in the last `days` days (30 by default).")
    List<TagGap> questionsWithoutArticle(@RequestParam(defaultValue = "30") int days,
            @RequestParam(defaultValue = "20") int limit) {
        return articles.questionsWithoutArticle(KnowledgeEditors.since(days, editors.now()),
                KnowledgeEditors.limit(limit));
    }

    @GetMapping("/templates")
    @Operation(summary = "Quick replies by name", description = "Variables: customer.name, customer.code, "
            + "customer.tier, ticket.id, ticket.subject, ticket.deadline, agent.name, written {{customer.name}}.")
    List<ReplyTemplate> templates(@RequestParam(required = false) String language) {
        return templates.list(language);
    }

    @PostMapping("/templates")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Write a quick reply (422 naming an unknown variable)")
    ReplyTemplate createTemplate(@RequestBody TemplateRequest request, Authentication caller) {
        return templates.create(request.draft(), caller.getName());
    }

    @GetMapping("/templates/{id}")
    ReplyTemplate template(@PathVariable long id) {
        return templates.get(id);
    }

    @PutMapping("/templates/{id}")
    @Operation(summary = "Change a quick reply (version as read; 409 with currentVersion when changed since)")
    ReplyTemplate updateTemplate(@PathVariable long id, @RequestBody TemplateRequest request,
            @Parameter(description = VERSION_DOC) @RequestHeader(name = "If-Match", required = false) String ifMatch,
            Authentication caller) {
        return templates.update(id, version(ifMatch, request.version()), request.draft(), caller.getName());
    }

    @DeleteMapping("/templates/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a quick reply (version as read in If-Match or ?version=)")
    void deleteTemplate(@PathVariable long id, @RequestParam(required = false) Long version,
            @Parameter(description = VERSION_DOC) @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        templates.delete(id, version(ifMatch, version));
    }

    @GetMapping("/templates/{id}/render")
    @Operation(summary = "A quick reply filled in for a ticket", description = "The tier's name and the deadline "
            + "(first response while owed, else resolution) in the language of Accept-Language.")
    RenderedReply render(@PathVariable long id, @RequestParam long ticket, Authentication caller,
            HttpServletRequest request) {
        return templates.render(id, TicketId.of(ticket), caller.getName(), ProblemMessages.apiLocale(request));
    }

    /** A stale version's 409 carries the current version, so the caller can read again and retry. */
    @ExceptionHandler
    ProblemDetail conflict(Conflict e, HttpServletRequest request) {
        ProblemDetail problem = messages.detail(ApiProblems.of(e), ProblemMessages.apiLocale(request));
        FieldProblem first = e.problems().get(0);
        if (first.code().equals(Articles.STALE_VERSION) || first.code().equals(ReplyTemplates.STALE_VERSION)) {
            problem.setProperty("currentVersion", Long.parseLong((String) first.reason().arguments().get(1)));
        }
        return problem;
    }

    private static ResponseEntity<Article> tagged(Article article) {
        return ResponseEntity.ok().eTag("\"" + article.version() + "\"").body(article);
    }

    private static long version(String ifMatch, VersionRequest body) {
        return version(ifMatch, body == null ? null : body.version());
    }

    /** The version from If-Match ({@code "3"}, {@code W/"3"}), else from the body; one of them is required. */
    private static long version(String ifMatch, Long bodyVersion) {
        return IfMatch.version(ifMatch, bodyVersion, "problem.knowledge.version-required",
                "problem.knowledge.if-match");
    }
}
