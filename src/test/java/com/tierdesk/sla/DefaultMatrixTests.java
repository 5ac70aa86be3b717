package com.tierdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.sla.internal.DurationText;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Every cell of the shipped default matrix (docs/sla.md) with its exact deadline from a start chosen to cross
 * something: a holiday, a make-up Saturday or Sunday, 17:59:59, New Year, the Spring Festival. Times are
 * Asia/Shanghai; "bh" counts Mon–Fri 09:00–18:00 with China's holidays, VIP and return decisions count on 24x7.
 */
@SpringBootTest
class DefaultMatrixTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** tier, type, target, duration, calendar, start, expected due. */
    record Cell(String tier, TicketType type, SlaTarget target, String duration, String calendar, String start,
                String due) {
    }

    private static final List<Cell> CELLS = List.of(
            // VIP on 24x7: clock hours whatever the day.
            cell("VIP", TicketType.INQUIRY, SlaTarget.FIRST_RESPONSE, "1h", "24x7", "2025-01-29T10:00", "2025-01-29T11:00"),
            cell("VIP", TicketType.INQUIRY, SlaTarget.RESOLUTION, "4h", "24x7", "2025-01-29T10:00", "2025-01-29T14:00"),
            cell("VIP", TicketType.TECHNICAL_ISSUE, SlaTarget.FIRST_RESPONSE, "1h", "24x7", "2025-03-07T17:59:59", "2025-03-07T18:59:59"),
            cell("VIP", TicketType.TECHNICAL_ISSUE, SlaTarget.RESOLUTION, "4h", "24x7", "2025-03-07T17:59:59", "2025-03-07T21:59:59"),
            cell("VIP", TicketType.COMPLAINT, SlaTarget.FIRST_RESPONSE, "30m", "24x7", "2025-12-31T23:45", "2026-01-01T00:15"),
            cell("VIP", TicketType.COMPLAINT, SlaTarget.RESOLUTION, "2h", "24x7", "2025-12-31T23:45", "2026-01-01T01:45"),
            cell("VIP", TicketType.COMPLAINT, SlaTarget.PERIODIC_UPDATE, "1h", "24x7", "2025-12-31T23:45", "2026-01-01T00:45"),
            cell("VIP", TicketType.URGENT_REQUEST, SlaTarget.FIRST_RESPONSE, "15m", "24x7", "2025-02-08T12:00", "2025-02-08T12:15"),
            cell("VIP", TicketType.URGENT_REQUEST, SlaTarget.RESOLUTION, "2h", "24x7", "2025-02-08T12:00", "2025-02-08T14:00"),
            cell("VIP", TicketType.RETURN_EXCHANGE, SlaTarget.FIRST_RESPONSE, "1h", "24x7", "2026-10-01T08:00", "2026-10-01T09:00"),
            cell("VIP", TicketType.RETURN_EXCHANGE, SlaTarget.RETURN_DECISION, "24h", "24x7", "2026-10-01T08:00", "2026-10-02T08:00"),
            // KEY on business hours.
            // Started on a Spring Festival holiday: the clock waits for Wed 2025-02-05 09:00.
            cell("KEY", TicketType.INQUIRY, SlaTarget.FIRST_RESPONSE, "8h", "business", "2025-01-29T10:00", "2025-02-05T17:00"),
            cell("KEY", TicketType.INQUIRY, SlaTarget.RESOLUTION, "24h", "business", "2025-01-29T10:00", "2025-02-07T15:00"),
            // Started on the make-up Saturday 2025-02-08, a working day; Sunday 02-09 is not.
            cell("KEY", TicketType.TECHNICAL_ISSUE, SlaTarget.FIRST_RESPONSE, "8h", "business", "2025-02-08T09:00", "2025-02-08T17:00"),
            cell("KEY", TicketType.TECHNICAL_ISSUE, SlaTarget.RESOLUTION, "24h", "business", "2025-02-08T09:00", "2025-02-11T15:00"),
            // Started at 17:59:59 on a Friday: one second counts, the rest from Monday 09:00.
            cell("KEY", TicketType.COMPLAINT, SlaTarget.FIRST_RESPONSE, "1h", "business", "2025-03-07T17:59:59", "2025-03-10T09:59:59"),
            cell("KEY", TicketType.COMPLAINT, SlaTarget.RESOLUTION, "8h", "business", "2025-03-07T17:59:59", "2025-03-10T16:59:59"),
            // Across New Year 2026: 1–3 January off, Sunday 4 January a make-up day.
            cell("KEY", TicketType.URGENT_REQUEST, SlaTarget.FIRST_RESPONSE, "1h", "business", "2025-12-31T17:30", "2026-01-04T09:30"),
            cell("KEY", TicketType.URGENT_REQUEST, SlaTarget.RESOLUTION, "8h", "business", "2025-12-31T17:30", "2026-01-04T16:30"),
            // Before National Day 2025: Sunday 09-28 is a make-up day.
            cell("KEY", TicketType.RETURN_EXCHANGE, SlaTarget.FIRST_RESPONSE, "8h", "business", "2025-09-26T14:00", "2025-09-28T13:00"),
            cell("KEY", TicketType.RETURN_EXCHANGE, SlaTarget.RETURN_DECISION, "24h", "24x7", "2025-09-26T14:00", "2025-09-27T14:00"),
            // REGULAR on business hours.
            // Before the Spring Festival 2026: Saturday 02-14 is a make-up day.
            cell("REGULAR", TicketType.INQUIRY, SlaTarget.FIRST_RESPONSE, "24h", "business", "2026-02-09T10:00", "2026-02-11T16:00"),
            cell("REGULAR", TicketType.INQUIRY, SlaTarget.RESOLUTION, "48h", "business", "2026-02-09T10:00", "2026-02-14T13:00"),
            // 17:59:59 before Qingming 2025 (4–6 April off).
            cell("REGULAR", TicketType.TECHNICAL_ISSUE, SlaTarget.FIRST_RESPONSE, "24h", "business", "2025-04-03T17:59:59", "2025-04-09T14:59:59"),
            cell("REGULAR", TicketType.TECHNICAL_ISSUE, SlaTarget.RESOLUTION, "48h", "business", "2025-04-03T17:59:59", "2025-04-14T11:59:59"),
            // Across New Year 2025 from 2024, a year without holiday data (weekends only), into 2025's 1 January.
            cell("REGULAR", TicketType.COMPLAINT, SlaTarget.FIRST_RESPONSE, "2h", "business", "2024-12-31T17:00", "2025-01-02T10:00"),
            cell("REGULAR", TicketType.COMPLAINT, SlaTarget.RESOLUTION, "24h", "business", "2024-12-31T17:00", "2025-01-06T14:00"),
            // Started on a National Day holiday; Saturday 10-11 is a make-up day.
            cell("REGULAR", TicketType.URGENT_REQUEST, SlaTarget.FIRST_RESPONSE, "2h", "business", "2025-10-03T11:00", "2025-10-09T11:00"),
            cell("REGULAR", TicketType.URGENT_REQUEST, SlaTarget.RESOLUTION, "24h", "business", "2025-10-03T11:00", "2025-10-11T15:00"),
            // Started on the make-up Sunday 2025-04-27.
            cell("REGULAR", TicketType.RETURN_EXCHANGE, SlaTarget.FIRST_RESPONSE, "24h", "business", "2025-04-27T09:00", "2025-04-29T15:00"),
            cell("REGULAR", TicketType.RETURN_EXCHANGE, SlaTarget.RETURN_DECISION, "24h", "24x7", "2025-04-27T09:00", "2025-04-28T09:00"),
            // WATCH on business hours.
            // Across the Dragon Boat Festival 2025 (Monday 06-02 off).
            cell("WATCH", TicketType.INQUIRY, SlaTarget.FIRST_RESPONSE, "48h", "business", "2025-05-26T09:00", "2025-06-03T12:00"),
            cell("WATCH", TicketType.INQUIRY, SlaTarget.RESOLUTION, "72h", "business", "2025-05-26T09:00", "2025-06-05T18:00"),
            // 17:59:59 on New Year's Eve 2025, into 2026.
            cell("WATCH", TicketType.TECHNICAL_ISSUE, SlaTarget.FIRST_RESPONSE, "48h", "business", "2025-12-31T17:59:59", "2026-01-09T11:59:59"),
            cell("WATCH", TicketType.TECHNICAL_ISSUE, SlaTarget.RESOLUTION, "72h", "business", "2025-12-31T17:59:59", "2026-01-13T17:59:59"),
            // Started during the Spring Festival 2026; Saturday 02-28 is a make-up day.
            cell("WATCH", TicketType.COMPLAINT, SlaTarget.FIRST_RESPONSE, "4h", "business", "2026-02-18T10:00", "2026-02-24T13:00"),
            cell("WATCH", TicketType.COMPLAINT, SlaTarget.RESOLUTION, "48h", "business", "2026-02-18T10:00", "2026-03-02T12:00"),
            // The Friday before the Spring Festival 2026, over both of its make-up Saturdays.
            cell("WATCH", TicketType.URGENT_REQUEST, SlaTarget.FIRST_RESPONSE, "4h", "business", "2026-02-13T16:00", "2026-02-14T11:00"),
            cell("WATCH", TicketType.URGENT_REQUEST, SlaTarget.RESOLUTION, "48h", "business", "2026-02-13T16:00", "2026-02-28T10:00"),
            // Before National Day 2026: Sunday 09-20 is a make-up day.
            cell("WATCH", TicketType.RETURN_EXCHANGE, SlaTarget.FIRST_RESPONSE, "48h", "business", "2026-09-18T09:00", "2026-09-24T12:00"),
            cell("WATCH", TicketType.RETURN_EXCHANGE, SlaTarget.RETURN_DECISION, "24h", "24x7", "2026-09-18T09:00", "2026-09-19T09:00"));

    @Autowired
    SlaPolicies policies;

    @Autowired
    SlaDeadlines deadlines;

    @Test
    void theFirstVersionIsTheShippedMatrixCellForCell() {
        PolicyMatrix shipped = policies.version(1);
        assertThat(shipped.liveChatFirstReply()).isEqualTo(Duration.ofSeconds(30));
        assertThat(shipped.rows()).hasSameSizeAs(CELLS);
        for (Cell cell : CELLS) {
            assertThat(shipped.row(cell.tier(), cell.type(), null, cell.target())).as(cell.toString())
                    .hasValueSatisfying(row -> {
                        assertThat(row.duration()).isEqualTo(DurationText.parse(cell.duration()));
                        assertThat(row.calendar()).isEqualTo(cell.calendar());
                    });
        }
    }

    @Test
    void everyCellGivesItsExactDeadline() {
        Set<String> checked = new HashSet<>();
        for (Cell cell : CELLS) {
            for (Priority priority : new Priority[] {null, Priority.HIGH}) {
                SlaTrace trace = deadlines.deadlines(new DeadlineQuery(null, cell.tier(), cell.type(), priority,
                        Channel.EMAIL, false, shanghai(cell.start()), List.of(), 1, null));
                SlaTrace.TargetTrace target = trace.targets().stream().filter(t -> t.target() == cell.target())
                        .findFirst().orElseThrow(() -> new AssertionError("no " + cell.target() + " for " + cell));
                assertThat(target.due()).as(cell.toString()).isEqualTo(shanghai(cell.due()));
                assertThat(target.calendar()).isEqualTo(cell.calendar());
            }
            checked.add(cell.tier() + cell.type() + cell.target());
        }
        assertThat(checked).hasSize(CELLS.size());
    }

    @Test
    void aLiveChatWhileAgentsAreOnlineAddsAThirtySecondFirstChatReply() {
        SlaTrace chat = deadlines.deadlines(new DeadlineQuery(null, "REGULAR", TicketType.INQUIRY, Priority.NORMAL,
                Channel.LIVE_CHAT, true, shanghai("2025-01-29T22:00"), List.of(), 1, null));
        assertThat(chat.targets()).filteredOn(t -> t.target() == SlaTarget.FIRST_CHAT_REPLY).singleElement()
                .satisfies(t -> assertThat(t.due()).isEqualTo(shanghai("2025-01-29T22:00:30")));
        SlaTrace offline = deadlines.deadlines(new DeadlineQuery(null, "REGULAR", TicketType.INQUIRY, Priority.NORMAL,
                Channel.LIVE_CHAT, false, shanghai("2025-01-29T22:00"), List.of(), 1, null));
        assertThat(offline.targets()).extracting(SlaTrace.TargetTrace::target)
                .containsExactly(SlaTarget.FIRST_RESPONSE, SlaTarget.RESOLUTION);
    }

    private static Cell cell(String tier, TicketType type, SlaTarget target, String duration, String calendar,
            String start, String due) {
        return new Cell(tier, type, target, duration, calendar, start, due);
    }

    private static Instant shanghai(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }
}
