package com.tierdesk.knowledge.web;

import com.tierdesk.knowledge.Article;
import com.tierdesk.knowledge.ArticleDraft;
import com.tierdesk.knowledge.ArticleQuery;
import com.tierdesk.knowledge.ArticleStatus;
import com.tierdesk.knowledge.Articles;
import com.tierdesk.knowledge.RenderedReply;
import com.tierdesk.knowledge.ReplyTemplate;
import com.tierdesk.knowledge.ReplyTemplates;
import com.tierdesk.knowledge.TemplateDraft;
import com.tierdesk.knowledge.internal.KnowledgeRules;
import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.NotFound;
import com.tierdesk.shared.ProblemMessages;
import com.tierdesk.shared.Refusal;
import com.tierdesk.ticket.TicketId;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The knowledge base in the console: search (agents see published articles, editors drafts too), an article with its
 * history, the editors' forms for articles and quick replies, the fragments the ticket page loads (suggested articles,
 * the template picker) and the report of ticket tags without an article.
 */
@Controller
@RequestMapping("/knowledge")
@PreAuthorize("isAuthenticated()")
class KnowledgeConsoleController {

    static final int RESULTS = 50;
    static final int SUGGESTIONS = 5;
    static final String ANY = "";

    private final Articles articles;
    private final ReplyTemplates templates;
    private final KnowledgeEditors editors;
    private final ProblemMessages problemMessages;

    KnowledgeConsoleController(Articles articles, ReplyTemplates templates, KnowledgeEditors editors,
            ProblemMessages problemMessages) {
        this.articles = articles;
        this.templates = templates;
        this.editors = editors;
        this.problemMessages = problemMessages;
    }

    /** An article form as typed: tags as one line separated by commas. */
    record ArticleForm(String title, String body, String language, String tags, long version) {

        static ArticleForm of(Article article) {
            return new ArticleForm(article.title(), article.body(), article.language(),
                    String.join(", ", article.tags()), article.version());
        }

        ArticleDraft draft() {
            return new ArticleDraft(title, body, language, tags == null ? List.of()
                    : Arrays.stream(tags.split("[,，]")).map(String::strip).filter(tag -> !tag.isEmpty()).toList());
        }
    }

    record TemplateForm(String name, String body, String language, long version) {

        static TemplateForm of(ReplyTemplate template) {
            return new TemplateForm(template.name(), template.body(), template.language(), template.version());
        }

        TemplateDraft draft() {
            return new TemplateDraft(name, body, language);
        }
    }

    /** A template filled in for the ticket the picker serves. */
    record PickedReply(ReplyTemplate template, RenderedReply reply) {
    }

    @GetMapping
    String search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = ANY) String language,
            @RequestParam(defaultValue = ANY) String status, Authentication caller, Model model) {
        boolean edits = editors.edits(caller);
        ArticleStatus chosen = edits ? Arrays.stream(ArticleStatus.values())
                .filter(s -> s.name().equals(status)).findFirst().orElse(null) : ArticleStatus.PUBLISHED;
        String lang = KnowledgeRules.LANGUAGES.contains(language) ? language : null;
        model.addAttribute("hits", articles.search(new ArticleQuery(q, lang, chosen, RESULTS)));
        model.addAttribute("q", q);
        model.addAttribute("language", lang == null ? ANY : lang);
        model.addAttribute("status", chosen == null ? ANY : chosen.name());
        model.addAttribute("statuses", ArticleStatus.values());
        model.addAttribute("languages", KnowledgeRules.LANGUAGES);
        model.addAttribute("edits", edits);
        return "knowledge/search";
    }

    @GetMapping("/articles/{id}")
    String article(@PathVariable long id, Authentication caller, Model model) {
        Article article = editors.readable(articles.get(id), caller);
        model.addAttribute("article", article);
        model.addAttribute("blocks", ArticleText.blocks(article.body()));
        model.addAttribute("versions", editors.edits(caller) ? articles.versions(id) : List.of());
        return "knowledge/article";
    }

    @GetMapping("/articles/new")
    String initArticleForm(Model model) {
        return articleForm(null, new ArticleForm("", "", "zh-CN", "", 0), model);
    }

    @PostMapping("/articles")
    String processArticleCreation(ArticleForm form, Authentication caller, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return saved(() -> articles.create(form.draft(), caller.getName()).id(), "knowledge.done.created",
                () -> articleForm(null, form, model), model, response, redirect);
    }

    @GetMapping("/articles/{id}/edit")
    String initArticleEditForm(@PathVariable long id, Model model) {
        return articleForm(id, ArticleForm.of(articles.get(id)), model);
    }

    @PostMapping("/articles/{id}")
    String processArticleEdit(@PathVariable long id, ArticleForm form, Authentication caller, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return saved(() -> articles.update(id, form.version(), form.draft(), caller.getName()).id(),
                "knowledge.done.saved", () -> articleForm(id, form, model), model, response, redirect);
    }

    @PostMapping("/articles/{id}/publish")
    String processPublication(@PathVariable long id, @RequestParam long version, Authentication caller, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return saved(() -> articles.publish(id, version, caller.getName()).id(), "knowledge.done.published",
                () -> article(id, caller, model), model, response, redirect);
    }

    @PostMapping("/articles/{id}/withdraw")
    String processWithdrawal(@PathVariable long id, @RequestParam long version, Authentication caller, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return saved(() -> articles.withdraw(id, version, caller.getName()).id(), "knowledge.done.withdrawn",
                () -> article(id, caller, model), model, response, redirect);
    }

    private String articleForm(Long id, ArticleForm form, Model model) {
        model.addAttribute("id", id);
        model.addAttribute("form", form);
        model.addAttribute("languages", KnowledgeRules.LANGUAGES);
        return "knowledge/article-form";
    }

    /**
     * Runs a save: to the article with what was done, or the form again as typed with the refusal (409 for a
     * conflict, a stale version included; 422 for bad input).
     */
    private String saved(Supplier<Long> save, String done, Supplier<String> again, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            long id = save.get();
            redirect.addFlashAttribute("done", done);
            return "redirect:/knowledge/articles/" + id;
        } catch (NotFound e) {
            throw e; // the console's page for a missing record, not a refusal beside the form
        } catch (Refusal e) {
            response.setStatus(e instanceof Conflict ? HttpStatus.CONFLICT.value()
                    : HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("problems", problemMessages.show(e.problems()));
            return again.get();
        }
    }

    @GetMapping("/suggestions")
    String suggestions(@RequestParam long ticket, Model model) {
        model.addAttribute("hits", articles.suggestionsFor(TicketId.of(ticket), SUGGESTIONS));
        return "knowledge/parts :: suggestions";
    }

    @GetMapping("/templates")
    String templateList(@RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("templates", templates.search(q, null));
        model.addAttribute("q", q);
        model.addAttribute("variables", ReplyTemplates.VARIABLES.stream().sorted().toList());
        return "knowledge/templates";
    }

    @GetMapping("/templates/new")
    String initTemplateForm(Model model) {
        return templateForm(null, new TemplateForm("", "", "zh-CN", 0), model);
    }

    @PostMapping("/templates")
    String processTemplateCreation(TemplateForm form, Authentication caller, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return templateSaved(() -> templates.create(form.draft(), caller.getName()), "knowledge.done.template-created",
                () -> templateForm(null, form, model), model, response, redirect);
    }

    @GetMapping("/templates/{id}/edit")
    String initTemplateEditForm(@PathVariable long id, Model model) {
        return templateForm(id, TemplateForm.of(templates.get(id)), model);
    }

    @PostMapping("/templates/{id}")
    String processTemplateEdit(@PathVariable long id, TemplateForm form, Authentication caller, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return templateSaved(() -> templates.update(id, form.version(), form.draft(), caller.getName()),
                "knowledge.done.template-saved", () -> templateForm(id, form, model), model, response, redirect);
    }

    private String templateForm(Long id, TemplateForm form, Model model) {
        model.addAttribute("id", id);
        model.addAttribute("form", form);
        model.addAttribute("languages", KnowledgeRules.LANGUAGES);
        model.addAttribute("variables", ReplyTemplates.VARIABLES.stream().sorted().toList());
        return "knowledge/template-form";
    }

    private String templateSaved(Supplier<ReplyTemplate> save, String done, Supplier<String> again, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            save.get();
            redirect.addFlashAttribute("done", done);
            return "redirect:/knowledge/templates";
        } catch (NotFound e) {
            throw e;
        } catch (Refusal e) {
            response.setStatus(e instanceof Conflict ? HttpStatus.CONFLICT.value()
                    : HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("problems", problemMessages.show(e.problems()));
            return again.get();
        }
    }

    /**
     * The quick replies filled in for the ticket, those matching {@code q} (most relevant first) or all (the reader's
     * language first), each with a button that puts its text into the page's textarea {@code target}.
     */
    @GetMapping("/templates/picker")
    String picker(@RequestParam long ticket, @RequestParam(defaultValue = "reply-body") String target,
            @RequestParam(defaultValue = "") String q, Authentication caller, Locale locale, Model model) {
        String reading = locale.getLanguage().equals("en") ? "en" : "zh-CN";
        List<ReplyTemplate> found = templates.search(q, null);
        if (q.isBlank()) {
            found = found.stream().sorted(Comparator.comparing(template -> !template.language().equals(reading)))
                    .toList();
        }
        model.addAttribute("picked", found.stream().map(template -> new PickedReply(template,
                templates.render(template.id(), TicketId.of(ticket), caller.getName(), locale))).toList());
        model.addAttribute("ticket", ticket);
        model.addAttribute("target", target);
        model.addAttribute("q", q);
        return "knowledge/parts :: picker";
    }

    @GetMapping("/gaps")
    String gaps(@RequestParam(defaultValue = "30") int days, Model model) {
        model.addAttribute("gaps", articles.questionsWithoutArticle(KnowledgeEditors.since(days, editors.now()),
                KnowledgeEditors.MAX_LIMIT));
        model.addAttribute("days", days);
        return "knowledge/gaps";
    }
}
