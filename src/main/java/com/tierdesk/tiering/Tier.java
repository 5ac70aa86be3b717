package com.tierdesk.tiering;

import com.tierdesk.shared.Label;
import java.util.Locale;

/** One rung of the tier ladder: its code (what other modules key on), its rank (1 = best) and its names. */
public record Tier(String code, int rank, String nameZh, String nameEn) {

    /** Its names as one label. */
    public Label label() {
        return new Label(nameZh, nameEn);
    }

    /** The name to show in the given locale: Chinese for zh, English otherwise, the other when one is missing. */
    public String name(Locale locale) {
        return label().in(locale);
    }
}
