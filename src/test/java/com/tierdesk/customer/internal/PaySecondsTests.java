package com.tierdesk.customer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The median order speed from the monthly rows' lists, as PERCENTILE_CONT(0.5) over the orders gives it. */
class PaySecondsTests {

    @Test
    void theMedianOfSeveralMonthsListsInterpolatesBetweenTheTwoMiddleValues() {
        var seconds = new PaySeconds();

        seconds.add("600,60");
        seconds.add(null);
        seconds.add("180,1200");

        assertThat(seconds.medianMinutes()).isEqualTo(6.5);
    }

    @Test
    void emptyListsAndItemsAddNothingAndClearStartsOver() {
        var seconds = new PaySeconds();
        seconds.add("120");
        seconds.clear();

        seconds.add("");
        assertThat(seconds.medianMinutes()).isNaN();

        seconds.add("300,,60");
        assertThat(seconds.medianMinutes()).isEqualTo(3);
    }
}
