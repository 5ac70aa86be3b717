package com.tierdesk.knowledge.internal;

import com.tierdesk.knowledge.ArticleDraft;
import com.tierdesk.knowledge.TemplateDraft;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.Reason;
import com.tierdesk.shared.TextRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What an article and a quick reply must be: every problem at once, each with its field and reason. */
public final class KnowledgeRules {

    /** The languages an article or a template is written in. */
    public static final List<String> LANGUAGES = List.of("zh-CN", "en");
    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 50_000;
    static final int MAX_TAG = 64;
    static final int MAX_TAGS = 20;
    static final int MAX_NAME = 100;
    static final int MAX_TEMPLATE_BODY = 5_000;

    private KnowledgeRules() {
    }

    /** Refuses a draft that breaks a rule, naming every field. */
    public static void check(ArticleDraft draft) {
        var problems = new ArrayList<FieldProblem>();
        TextRules.requiredLine(draft.title(), MAX_TITLE)
                .ifPresent(reason -> problems.add(new FieldProblem("title", reason)));
        requiredText(draft.body(), MAX_BODY).ifPresent(reason -> problems.add(new FieldProblem("body", reason)));
        language(draft.language()).ifPresent(reason -> problems.add(new FieldProblem("language", reason)));
        if (draft.tags().size() > MAX_TAGS) {
            problems.add(FieldProblem.of("tags", "problem.at-most", MAX_TAGS));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < draft.tags().size(); i++) {
            String tag = draft.tags().get(i);
            String field = "tags[" + i + "]";
            Optional<Reason> refused = TextRules.requiredLine(tag, MAX_TAG);
            if (refused.isPresent()) {
                problems.add(new FieldProblem(field, refused.get()));
            } else if (!seen.add(tag.strip())) {
                problems.add(FieldProblem.of(field, "problem.knowledge.duplicate-tag", tag.strip()));
            }
        }
        throwIfAny(problems);
    }

    /** Refuses a template that breaks a rule or uses a variable nobody fills, naming the field and the variable. */
    public static void check(TemplateDraft draft, Set<String> variables) {
        var problems = new ArrayList<FieldProblem>();
        TextRules.requiredLine(draft.name(), MAX_NAME)
                .ifPresent(reason -> problems.add(new FieldProblem("name", reason)));
        requiredText(draft.body(), MAX_TEMPLATE_BODY).ifPresentOrElse(
                reason -> problems.add(new FieldProblem("body", reason)),
                () -> TemplateText.variables(draft.body()).stream().filter(variable -> !variables.contains(variable))
                        .forEach(variable -> problems.add(FieldProblem.of("body", "problem.knowledge.unknown-variable",
                                variable, String.join(", ", variables.stream().sorted().toList())))));
        language(draft.language()).ifPresent(reason -> problems.add(new FieldProblem("language", reason)));
        throwIfAny(problems);
    }

    /** Refuses a language filter that names no language of the knowledge base ({@code null} is either). */
    public static void checkFilter(String language) {
        if (language != null) {
            language(language).ifPresent(reason -> {
                throw new InvalidInput(List.of(new FieldProblem("language", reason)));
            });
        }
    }

    private static Optional<Reason> requiredText(String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return Optional.of(Reason.of("problem.required"));
        }
        return TextRules.multiline(value, maxLength);
    }

    private static Optional<Reason> language(String language) {
        if (language == null || language.isBlank()) {
            return Optional.of(Reason.of("problem.required"));
        }
        return LANGUAGES.contains(language) ? Optional.empty()
                : Optional.of(Reason.of("problem.one-of", String.join(", ", LANGUAGES)));
    }

    private static void throwIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }
}
