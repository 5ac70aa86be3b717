package com.tierdesk;

import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * How the console names who did something: work TierDesk did by itself (scheduled runs, shipped defaults, automatic
 * approvals, all recorded as the account {@code system}) by a word in the reader's language, people by their account
 * name. Templates reach it as {@code #actors} ({@code ${#actors.name(run.startedBy)}}).
 */
public record ActorNames(MessageSource messages, Locale locale) {

    static final String SYSTEM = "system";

    public String name(String account) {
        return SYSTEM.equals(account) ? messages.getMessage("actor.system", null, locale) : account;
    }
}
