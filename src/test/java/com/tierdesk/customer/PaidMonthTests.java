package com.tierdesk.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.shared.BusinessTime;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PaidMonthTests {

    static final Instant SHANGHAI_FEBRUARY_UTC_JANUARY = Instant.parse("2025-01-31T17:00:00Z");

    @Test
    void thePaidMonthFollowsTheBusinessTimeZone() {
        assertThat(paidMonth("Asia/Shanghai", OrderStatus.PAID, SHANGHAI_FEBRUARY_UTC_JANUARY))
                .isEqualTo(LocalDate.of(2025, 2, 1));
        assertThat(paidMonth("UTC", OrderStatus.PAID, SHANGHAI_FEBRUARY_UTC_JANUARY))
                .isEqualTo(LocalDate.of(2025, 1, 1));
    }

    @Test
    void onlyOrdersThatCountAsPaidAndHaveAPaymentTimeGetAPaidMonth() {
        assertThat(paidMonth("Asia/Shanghai", OrderStatus.CANCELLED, SHANGHAI_FEBRUARY_UTC_JANUARY)).isNull();
        assertThat(paidMonth("Asia/Shanghai", OrderStatus.PLACED, SHANGHAI_FEBRUARY_UTC_JANUARY)).isNull();
        assertThat(paidMonth("Asia/Shanghai", OrderStatus.SHIPPED, null)).isNull();
        assertThat(paidMonth("Asia/Shanghai", OrderStatus.REFUNDED, SHANGHAI_FEBRUARY_UTC_JANUARY)).isNotNull();
    }

    private static LocalDate paidMonth(String zone, OrderStatus status, Instant paidAt) {
        var orders = new CustomerOrders(null, null, null, null, new BusinessTime(Clock.systemUTC(), ZoneId.of(zone)));
        return orders.paidMonth(new OrderDraft("O1", "C1", BigDecimal.TEN, BigDecimal.ZERO,
                Instant.parse("2025-01-01T00:00:00Z"), paidAt, status));
    }
}
