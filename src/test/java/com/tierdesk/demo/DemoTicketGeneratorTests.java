package com.tierdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.sla.TicketType;
import com.tierdesk.ticket.IntakeChannel;
import com.tierdesk.ticket.PastTicket;
import com.tierdesk.ticket.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoTicketGeneratorTests {

    private static final Instant NOW = Instant.parse("2026-05-06T03:00:00Z");

    private final List<PastTicket> tickets = new DemoTicketGenerator(7, 3000, NOW, ZoneId.of("Asia/Shanghai"))
            .tickets(600);

    @Test
    void aTicketOpenedInTheLastMinutesIsRepliedToAfterItWasOpenedWhateverTheTimeOfDay() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        for (int minute = 8 * 60; minute < 21 * 60; minute++) {
            Instant now = NOW.atZone(shanghai).toLocalDate().atStartOfDay(shanghai).toInstant()
                    .plus(Duration.ofMinutes(minute)).plusSeconds(13);
            new DemoTicketGenerator(minute, 3000, now, shanghai).tickets(300).forEach(ticket ->
                    assertThat(ticket.steps()).extracting(PastTicket.Step::at).as("opened %s, now %s", ticket.openedAt(), now)
                            .allSatisfy(at -> assertThat(at).isAfter(ticket.openedAt()).isBefore(now)));
        }
    }

    @Test
    void spansThreeMonthsOfEveryTypeAndChannelWithEveryStepInThePast() {
        assertThat(tickets).hasSize(600);
        assertThat(tickets).extracting(PastTicket::openedAt).isSorted()
                .allSatisfy(opened -> assertThat(opened).isBetween(NOW.minus(Duration.ofDays(91)), NOW));
        assertThat(tickets.get(0).openedAt()).isBefore(NOW.minus(Duration.ofDays(60)));
        assertThat(tickets).extracting(ticket -> ticket.draft().type()).contains(TicketType.values());
        assertThat(tickets).extracting(ticket -> ticket.draft().channel()).contains(IntakeChannel.values());
        assertThat(tickets).flatExtracting(PastTicket::steps).allSatisfy(step -> assertThat(step.at()).isBefore(NOW));
        tickets.forEach(ticket -> assertThat(ticket.steps()).extracting(PastTicket.Step::at).isSorted()
                .allSatisfy(at -> assertThat(at).isAfter(ticket.openedAt())));
    }

    @Test
    void mostAreSolvedAndTheLastDaysAreStillOpenSomeUnansweredOrUnassigned() {
        List<PastTicket> open = tickets.stream().filter(ticket -> ticket.steps().stream()
                .noneMatch(step -> step.status() == TicketStatus.SOLVED)).toList();

        assertThat(tickets.size() - open.size()).isGreaterThan(tickets.size() / 2);
        assertThat(open).hasSizeGreaterThan(20);
        assertThat(open).filteredOn(ticket -> ticket.steps().isEmpty()).as("not answered yet: at risk or breached")
                .hasSizeGreaterThan(5);
        assertThat(open).filteredOn(ticket -> ticket.draft().assignee() == null).as("in the unassigned queue")
                .isNotEmpty();
        assertThat(tickets).filteredOn(ticket -> ticket.draft().assignee() != null)
                .extracting(ticket -> ticket.draft().assignee()).containsOnly("agent", "senior", "manager");
    }
}
