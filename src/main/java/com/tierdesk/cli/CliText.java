package com.tierdesk.cli;

import com.tierdesk.shared.ProblemMessages;
import com.tierdesk.shared.Reason;
import com.tierdesk.shared.Refusal;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The command line's words, from the bundles in the language of the system locale ({@code LANG}): Chinese when it
 * is Chinese, English otherwise (the bundles hold no other language; the console's default, Chinese, would surprise
 * a user of any third language).
 */
@Component
class CliText {

    private final MessageSource messages;
    private final ProblemMessages problems;

    CliText(MessageSource messages, ProblemMessages problems) {
        this.messages = messages;
        this.problems = problems;
    }

    static Locale locale() {
        return Locale.getDefault().getLanguage().equals(Locale.CHINESE.getLanguage()) ? Locale.SIMPLIFIED_CHINESE
                : Locale.ENGLISH;
    }

    /** A {@code cli.*} message. */
    String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale());
    }

    String reason(Reason reason) {
        return problems.text(reason, locale());
    }

    /** A refusal's problems, one line each: {@code field: reason}, or the reason alone. */
    String refusal(Refusal refusal) {
        return refusal.problems().stream()
                .map(p -> (p.field() == null ? "" : p.field() + ": ") + reason(p.reason()))
                .collect(Collectors.joining(System.lineSeparator()));
    }
}
