package com.tierdesk.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Puts reasons in the reader's words, from the message bundles: for the console in its locale (cookie, then
 * zh-CN), for an API caller in the language of {@code Accept-Language} ({@link #apiLocale}), and in English for
 * logs and exception messages.
 */
@Component
public class ProblemMessages {

    private static final List<Locale> LANGUAGES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);
    private static final MessageSource ENGLISH = englishBundle();

    private final MessageSource messages;

    ProblemMessages(MessageSource messages) {
        this.messages = messages;
    }

    /** The reason in the given language. */
    public String text(Reason reason, Locale locale) {
        return messages.getMessage(reason, locale);
    }

    /** The reason in the language of the request being answered (the console's locale). */
    public String text(Reason reason) {
        return text(reason, LocaleContextHolder.getLocale());
    }

    /** A refusal in one line of the reader's language, its problems joined as {@code field: reason; …}. */
    public String text(Refusal refusal) {
        return show(refusal.problems()).stream().map(p -> (p.field() == null ? "" : p.field() + ": ") + p.reason())
                .collect(Collectors.joining("; "));
    }

    public List<ShownProblem> show(List<FieldProblem> problems, Locale locale) {
        return problems.stream().map(p -> new ShownProblem(p.field(), text(p.reason(), locale), p.code())).toList();
    }

    /** The problems in the language of the request being answered (the console's locale). */
    public List<ShownProblem> show(List<FieldProblem> problems) {
        return show(problems, LocaleContextHolder.getLocale());
    }

    /** An answer's problem detail in words, its errors as {@code {field, reason, code}}. */
    public ProblemDetail detail(ApiProblems.Answer answer, Locale locale) {
        return ApiProblems.problem(answer.status(), text(answer.title(), locale), text(answer.detail(), locale),
                show(answer.errors(), locale));
    }

    /**
     * The language an API answers in: the first of zh-CN and English that {@code Accept-Language} names; without the
     * header (or naming neither), the console's language, which is zh-CN unless the caller's cookie chose English.
     */
    public static Locale apiLocale(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") != null) {
            for (Locale wanted : Collections.list(request.getLocales())) {
                for (Locale language : LANGUAGES) {
                    if (language.getLanguage().equals(wanted.getLanguage())) {
                        return language;
                    }
                }
            }
        }
        return LocaleContextHolder.getLocale();
    }

    /** The reason in English, with no application context: for logs, exception messages and stored failures. */
    public static String english(Reason reason) {
        return ENGLISH.getMessage(reason, Locale.ENGLISH);
    }

    private static MessageSource englishBundle() {
        var bundle = new ResourceBundleMessageSource();
        bundle.setBasename("messages");
        bundle.setDefaultEncoding(StandardCharsets.UTF_8.name());
        bundle.setFallbackToSystemLocale(false);
        bundle.setUseCodeAsDefaultMessage(true);
        return bundle;
    }
}
