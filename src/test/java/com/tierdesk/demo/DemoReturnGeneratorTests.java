package com.tierdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.ticket.PastReturn;
import com.tierdesk.ticket.ReturnStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoReturnGeneratorTests {

    private static final Instant NOW = Instant.parse("2026-05-06T03:00:00Z");

    private final List<DemoReturnGenerator.DemoReturn> returns = new DemoReturnGenerator(300, NOW).returns();

    @Test
    void oneReturnInEachStateOfTheBoardWithTheUndecidedOnTrackAtRiskAndBreached() {
        assertThat(returns).extracting(r -> last(r.past())).containsExactlyInAnyOrder(ReturnStatus.EXCHANGED,
                ReturnStatus.REFUNDED, ReturnStatus.RECEIVED, ReturnStatus.REJECTED, ReturnStatus.APPROVED,
                ReturnStatus.REQUESTED, ReturnStatus.REQUESTED, ReturnStatus.REQUESTED);
        assertThat(returns).filteredOn(r -> last(r.past()) == ReturnStatus.REQUESTED)
                .extracting(r -> Duration.between(r.past().requestedAt(), NOW))
                .as("on track, at risk after 18 of its 24 hours, breached")
                .containsExactly(Duration.ofHours(30), Duration.ofHours(20), Duration.ofHours(2));
        assertThat(returns).filteredOn(r -> last(r.past()) == ReturnStatus.APPROVED).singleElement()
                .satisfies(late -> assertThat(decidedAfter(late.past())).as("decided late")
                        .isGreaterThan(Duration.ofHours(24)));
    }

    @Test
    void eachNamesTheFirstLineOfAnOrderOfItsOwnPaidTwoDaysBeforeWithEveryStepInThePast() {
        assertThat(returns).extracting(r -> r.order().externalId()).doesNotHaveDuplicates()
                .allSatisfy(order -> assertThat(order).startsWith(DemoReturnGenerator.ORDER_PREFIX));
        assertThat(returns).extracting(r -> r.past().requestedAt()).isSorted();
        returns.forEach(r -> {
            assertThat(r.past().draft().orderExternalId()).isEqualTo(r.order().externalId());
            assertThat(r.order().lines()).isNotEmpty();
            assertThat(r.past().draft().lines()).singleElement().satisfies(line -> {
                assertThat(line.lineNo()).isEqualTo(1);
                assertThat(line.quantity()).isEqualTo(r.order().lines().get(0).quantity());
            });
            assertThat(Duration.between(r.order().paidAt(), r.past().requestedAt()))
                    .isBetween(Duration.ofDays(1), Duration.ofDays(3));
            assertThat(r.past().steps()).extracting(PastReturn.Step::at).isSorted()
                    .allSatisfy(at -> assertThat(at).isAfter(r.past().requestedAt()).isBefore(NOW));
        });
    }

    private static ReturnStatus last(PastReturn past) {
        return past.steps().stream().map(PastReturn.Step::to).filter(status -> status != null)
                .reduce((first, second) -> second).orElse(ReturnStatus.REQUESTED);
    }

    private static Duration decidedAfter(PastReturn past) {
        return past.steps().stream().filter(step -> step.to() == ReturnStatus.APPROVED).findFirst()
                .map(step -> Duration.between(past.requestedAt(), step.at())).orElseThrow();
    }
}
