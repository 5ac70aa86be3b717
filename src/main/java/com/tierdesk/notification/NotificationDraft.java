package com.tierdesk.notification;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A notification to send: to an account's console bell or to an email address, as a message code with its
 * arguments so that it is worded in the recipient's language when it is read or sent ({@code template.subject} and
 * {@code template.body} in the message bundles), with an optional console link (a path such as
 * {@code /tickets/42}).
 */
public record NotificationDraft(NotificationChannel channel, String account, String email, Locale language,
                                String template, List<String> arguments, String link) {

    public NotificationDraft {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(language, "language");
        arguments = List.copyOf(arguments);
        if (channel == NotificationChannel.CONSOLE && (account == null || account.isBlank())) {
            throw new IllegalArgumentException("a console notification goes to an account");
        }
        if (channel == NotificationChannel.EMAIL && (email == null || email.isBlank())) {
            throw new IllegalArgumentException("an email goes to an address");
        }
    }

    /** To an account's bell; worded in the reader's language when the console shows it. */
    public static NotificationDraft toConsole(String account, String template, String link, Object... arguments) {
        return new NotificationDraft(NotificationChannel.CONSOLE, account, null, Locale.ROOT, template,
                texts(arguments), link);
    }

    /** An email, worded in {@code language}. */
    public static NotificationDraft byEmail(String email, Locale language, String template, String link,
            Object... arguments) {
        return new NotificationDraft(NotificationChannel.EMAIL, null, email, language, template, texts(arguments), link);
    }

    private static List<String> texts(Object... arguments) {
        return Arrays.stream(arguments).map(String::valueOf).toList();
    }
}
