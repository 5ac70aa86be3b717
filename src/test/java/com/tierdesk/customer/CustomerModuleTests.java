package com.tierdesk.customer;

import static com.tierdesk.customer.CustomerFixture.aCustomer;
import static com.tierdesk.customer.CustomerFixture.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.ModuleContexts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

/**
 * The data hub starts with the shared kernel and the accounts its customers' owners are, and does its whole job
 * there: customers, their orders and the activity figures scoring reads, and the tier timeline other modules write
 * through its API.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
class CustomerModuleTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    Customers customers;

    @Autowired
    CustomerOrders orders;

    @Autowired
    CustomerActivity activity;

    @Autowired
    CustomerTierTimeline timeline;

    @Test
    void startsWithNoBeanOfAnotherModuleButTheAccounts() {
        assertThat(ModuleContexts.beansOfOtherModules(context, "customer"))
                .allMatch(bean -> bean.startsWith("com.tierdesk.security."));
        assertThat(context.getBeanNamesForType(Customers.class)).hasSize(1);
    }

    @Test
    void recordsACustomersOrdersAsTheActivityScoringReads() {
        Customer customer = customers.create(aCustomer().build());
        orders.upsert(anOrder(customer.code()).amount("120.00").paidAt("2026-03-10T02:30:00Z").build());
        orders.upsert(anOrder(customer.code()).amount("80.00").refund("30.00").paidAt("2026-05-20T02:30:00Z").build());

        ActivityFigures figures = activity.of(customer.id(), LocalDate.of(2026, 6, 30)).orElseThrow();

        assertThat(figures.spendCents()).isEqualTo(17_000);
        assertThat(figures.paidOrders()).isEqualTo(2);
        assertThat(figures.activeMonths()).isEqualTo(2);
        assertThat(figures.lastPaidAt()).isEqualTo(Instant.parse("2026-05-20T02:30:00Z"));
    }

    @Test
    void keepsTheTierTimelineOtherModulesRecordOnceEach() {
        Customer customer = customers.create(aCustomer().build());
        var upgraded = new TierTimelineEntry(customer.id(), Instant.parse("2026-07-01T00:00:00Z"), "KEY", "REGULAR",
                TierTimelineEntry.Cause.ASSESSMENT, 41, "复核无误");

        assertThat(timeline.record(List.of(upgraded))).isEqualTo(1);
        assertThat(timeline.record(List.of(upgraded))).as("delivered again").isZero();

        assertThat(timeline.of(customer.id())).containsExactly(upgraded);
    }
}
