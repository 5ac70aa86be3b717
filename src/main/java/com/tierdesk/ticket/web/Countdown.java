package com.tierdesk.ticket.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The time left to a due instant in the reader's language, to the minute: "2 h 15 min left", "overdue by 10 min",
 * or "paused" for a clock that does not run now (its due instant moves on with the pause).
 */
@Component
class Countdown {

    private final MessageSource messages;

    Countdown(MessageSource messages) {
        this.messages = messages;
    }

    String text(Instant due, boolean paused, Instant now, Locale locale) {
        if (paused) {
            return messages.getMessage("ticket.countdown.paused", null, locale);
        }
        Duration left = Duration.between(now, due);
        String code = left.isNegative() ? "ticket.countdown.overdue" : "ticket.countdown.left";
        return messages.getMessage(code, new Object[] {span(left.abs(), locale)}, locale);
    }

    /** Days, hours and minutes, the zero ones left out; under a minute counts as one minute. */
    private String span(Duration duration, Locale locale) {
        long minutes = Math.max(1, duration.toMinutes());
        var parts = new ArrayList<String>();
        add(parts, "ticket.countdown.days", minutes / (24 * 60), locale);
        add(parts, "ticket.countdown.hours", minutes / 60 % 24, locale);
        add(parts, "ticket.countdown.minutes", minutes % 60, locale);
        return String.join(" ", parts);
    }

    private void add(List<String> parts, String code, long amount, Locale locale) {
        if (amount > 0) {
            parts.add(messages.getMessage(code, new Object[] {amount}, locale));
        }
    }
}
