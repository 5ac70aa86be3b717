package com.tierdesk.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import java.util.Optional;

/**
 * A name users give to their data (a scoring dimension, a tier, an industry, a tag) in Chinese and in English. Either
 * may be missing: {@link #in} gives the reader's language and falls back to the other, so a label typed in one
 * language only still shows everywhere. In JSON it is {@code {"zh": …, "en": …}}; a plain string reads as both, so
 * definitions written before names were bilingual keep reading as they did.
 */
public record Label(String zh, String en) {

    /** Blank parts are missing parts; the others are kept stripped. */
    @JsonCreator
    public Label(@JsonProperty("zh") String zh, @JsonProperty("en") String en) {
        this.zh = present(zh);
        this.en = present(en);
    }

    /** One text for both languages: a proper name, a code, or a name written before labels were bilingual. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Label of(String both) {
        return new Label(both, both);
    }

    /** The label in the reader's language: Chinese for any {@code zh} locale, English otherwise; the other when missing. */
    public String in(Locale locale) {
        boolean chinese = locale != null && "zh".equals(locale.getLanguage());
        String first = chinese ? zh : en;
        return first != null ? first : (chinese ? en : zh);
    }

    @JsonIgnore
    public boolean isEmpty() {
        return zh == null && en == null;
    }

    /**
     * Why the label cannot name something: it needs a text in at least one language, and each text is one line of at
     * most {@code maxLength} characters (the shared text rules); empty when it can.
     */
    public Optional<Reason> problem(int maxLength) {
        if (isEmpty()) {
            return Optional.of(Reason.of("problem.required"));
        }
        return TextRules.line(zh, maxLength).or(() -> TextRules.line(en, maxLength));
    }

    /** The problem of a label that may be {@code null}, as {@link #problem} words it. */
    public static Optional<Reason> problemOf(Label label, int maxLength) {
        return label == null ? Optional.of(Reason.of("problem.required")) : label.problem(maxLength);
    }

    private static String present(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
