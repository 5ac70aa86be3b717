package com.tierdesk.tiering;

import java.util.Locale;

/** One rung of the tier ladder: its code (what other modules key on), its rank (1 = best) and its names. */
public record Tier(String code, int rank, String nameZh, String nameEn) {

    /** The name to show in the given locale: Chinese for zh, English otherwise. */
    public String name(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
    }
}
