package com.tierdesk.tiering.scoring;

import java.math.BigDecimal;

/** Numbers in explanations: as short as they can be without losing what matters (88.5, 90, 0.25). */
public final class Numbers {

    private Numbers() {
    }

    /** At most two decimals, trailing zeros dropped. */
    public static String plain(double value) {
        if (Double.isNaN(value)) {
            return "—";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "-∞";
        }
        return new BigDecimal(value).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
