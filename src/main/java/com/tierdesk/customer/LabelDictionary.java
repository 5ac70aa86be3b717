package com.tierdesk.customer;

import com.tierdesk.shared.Label;
import java.util.Locale;
import java.util.Map;

/**
 * Every industry and tag label at one moment, for a page that shows many codes: a code reads as its label in the
 * reader's language, else in the other language, else as the code itself.
 */
public record LabelDictionary(Map<LabelKind, Map<String, Label>> labels) {

    public LabelDictionary {
        labels = Map.copyOf(labels);
    }

    public String name(LabelKind kind, String code, Locale locale) {
        if (code == null) {
            return null;
        }
        Label label = labels.getOrDefault(kind, Map.of()).get(code);
        return label == null ? code : label.in(locale);
    }

    public String industry(String code, Locale locale) {
        return name(LabelKind.INDUSTRY, code, locale);
    }

    public String tag(String code, Locale locale) {
        return name(LabelKind.TAG, code, locale);
    }
}
