package com.tierdesk.tiering.web;

import com.tierdesk.tiering.scoring.Metric;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** A metric's raw value as the console writes it: yuan with cents, percentages with %, other figures plainly. */
final class Figures {

    private Figures() {
    }

    static String format(Double raw, Metric.Unit unit) {
        if (raw == null || raw.isNaN()) {
            return "—";
        }
        return switch (unit) {
            case CNY -> "¥" + pattern("#,##0.00").format(raw);
            case PERCENT -> pattern("#,##0.##").format(raw) + "%";
            case RATIO -> pattern("#,##0.###").format(raw);
            default -> pattern("#,##0.##").format(raw);
        };
    }

    static String format(Double raw, String metric) {
        return format(raw, Metric.byKey(metric).map(Metric::unit).orElse(Metric.Unit.COUNT));
    }

    private static DecimalFormat pattern(String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
    }
}
