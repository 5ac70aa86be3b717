package com.tierdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The explanation of a ticket's deadlines, as structured facts for the console and the API to put in words: which
 * policy version and rows matched and why, which calendars (and whether they have holiday data for the years
 * involved), the pauses, the clock rules of a replay, and each deadline with the steps of the computation that
 * gave it.
 */
public record SlaTrace(Policy policy, String customer, String tier, TicketType type, Priority priority,
                       Channel channel, Instant start, List<Pause> pauses, ClockRules rules, List<TargetTrace> targets,
                       List<CalendarUse> calendars) {

    /** The policy version applied. */
    public record Policy(int version, PolicyNote note, String createdBy) {
    }

    /** The rules a replay of the clocks applied; null for deadlines computed from a start. */
    public record ClockRules(TierChangeRule tierChange, SolvedWithoutReply solvedWithoutReply, double atRisk) {
    }

    /**
     * One target: the row that gave it ({@code row} null for the live-chat rule, {@code priorityRow} when the row
     * names the ticket's priority), its calendar and due instant, the clock if a history was replayed, and the
     * steps to the due instant.
     */
    public record TargetTrace(SlaTarget target, String tier, Duration duration, String calendar, int rowIndex,
                              PolicyRow row, boolean priorityRow, Instant due, TargetClock clock, DeadlineSteps steps) {
    }

    /** A calendar the deadlines count on, with its holiday data for each year they span (none for 24×7). */
    public record CalendarUse(String code, String name, String zone, boolean alwaysOpen, List<HolidayData> years) {
    }

    /** Whether a calendar has holidays for the year, and their source. */
    public record HolidayData(int year, boolean hasData, String source) {
    }
}
