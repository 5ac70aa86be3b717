package com.tierdesk.security;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How to reach a person outside the console: an email address ({@code null}: the console bell only) and the language
 * they read, which their emails are worded in.
 */
public record Contact(String email, Locale language) {

    /** The languages a person may read their emails in: the console's, zh-CN and English. */
    public static final List<Locale> LANGUAGES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);
    /** A new account's: no address, the console's default language. */
    public static final Contact NONE = new Contact(null, Locale.SIMPLIFIED_CHINESE);

    public Contact {
        Objects.requireNonNull(language, "language");
    }

    /** The language's tag as accounts store and the API shows it: {@code zh-CN} or {@code en}. */
    public String languageTag() {
        return language.toLanguageTag();
    }
}
