package com.tierdesk.sla;

import java.util.Locale;

/**
 * What a policy version says about itself, in Chinese and in English. Either may be empty (a supervisor writes
 * one language, or both); a reader of the other language then sees the one there is.
 */
public record PolicyNote(String zh, String en) {

    public static final PolicyNote NONE = new PolicyNote("", "");

    public PolicyNote {
        zh = zh == null ? "" : zh.strip();
        en = en == null ? "" : en.strip();
    }

    /** The note in the reader's language (Chinese for zh, English otherwise), else in the other one. */
    public String in(Locale locale) {
        boolean chinese = "zh".equals(locale.getLanguage());
        String wanted = chinese ? zh : en;
        return wanted.isEmpty() ? (chinese ? en : zh) : wanted;
    }
}
