package com.tierdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierdesk.shared.NotFound;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Calendars and policy versions are kept in memory between reads: an edit is seen by the next read, and what a
 * transaction read of its own writes is forgotten when it rolls back.
 */
@SpringBootTest(properties = "tierdesk.scheduler.execute=false")
class KeptInputsTests {

    @Autowired
    SlaCalendars calendars;

    @Autowired
    SlaPolicies policies;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void anEditedCalendarIsReadAgain() {
        String code = newCalendar("MONDAY", "09:00-18:00");
        assertThat(calendars.get(code).periodsOn(monday())).hasSize(1);

        calendars.save(draft(code, "MONDAY", "09:00-12:00,13:00-18:00"), "tester");

        assertThat(calendars.get(code).periodsOn(monday())).hasSize(2);
    }

    @Test
    void aCalendarReadInsideARolledBackEditIsNotKept() {
        String code = newCalendar("MONDAY", "09:00-18:00");
        calendars.get(code);

        transactions.executeWithoutResult(status -> {
            calendars.save(draft(code, "MONDAY", "09:00-12:00,13:00-18:00"), "tester");
            assertThat(calendars.get(code).periodsOn(monday())).hasSize(2);
            status.setRollbackOnly();
        });

        assertThat(calendars.get(code).periodsOn(monday())).hasSize(1);
    }

    @Test
    void aPolicyVersionPublishedInARolledBackTransactionIsNotKept() {
        PolicyMatrix current = policies.current();
        int next = current.version() + 1;

        transactions.executeWithoutResult(status -> {
            assertThat(policies.publish(sameRows(current), "tester").version()).isEqualTo(next);
            status.setRollbackOnly();
        });

        assertThat(policies.currentVersion()).isEqualTo(current.version());
        assertThatThrownBy(() -> policies.version(next)).isInstanceOf(NotFound.class);
        assertThat(policies.version(current.version()).rows()).isEqualTo(current.rows());
    }

    private String newCalendar(String day, String hours) {
        String code = "kept-" + UUID.randomUUID().toString().substring(0, 8);
        calendars.save(draft(code, day, hours), "tester");
        return code;
    }

    private static CalendarDraft draft(String code, String day, String hours) {
        var week = new LinkedHashMap<String, String>();
        week.put(day, hours);
        return new CalendarDraft(code, "Kept " + code, "Asia/Shanghai", "", week);
    }

    private static LocalDate monday() {
        return LocalDate.of(2025, 3, 3);
    }

    private static PolicyDraft sameRows(PolicyMatrix matrix) {
        List<PolicyDraft.Row> rows = matrix.rows().stream().map(row -> new PolicyDraft.Row(row.tier(),
                row.type().name(), row.priority() == null ? null : row.priority().name(), row.target().name(),
                row.duration().toString(), row.calendar())).toList();
        return new PolicyDraft(matrix.note(), matrix.liveChatFirstReply().toString(), rows);
    }
}
