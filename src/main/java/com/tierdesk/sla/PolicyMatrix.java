package com.tierdesk.sla;

import com.tierdesk.shared.ApiProblems;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.sla.internal.DurationText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One version of the SLA policy matrix: tier × type (× priority) rows, each a target with its duration and
 * calendar, plus the live-chat rule (a first chat reply within {@code liveChatFirstReply} while agents are
 * online, counted on the clock). A ticket keeps the version it started under; an edit makes a new version.
 */
public record PolicyMatrix(int version, Instant createdAt, String createdBy, PolicyNote note, Duration liveChatFirstReply,
                           List<PolicyRow> rows) {

    /** The reason a row repeats an earlier row's cell: its first argument is the earlier row's index. */
    public static final String REPEATED_ROW = "problem.matrix.repeated";

    /** The calendar the live-chat rule counts on: the wall clock. */
    public static final String LIVE_CHAT_CALENDAR = "24x7";

    public PolicyMatrix {
        rows = List.copyOf(rows);
        note = note == null ? PolicyNote.NONE : note;
    }

    /**
     * Every problem of the matrix as field paths and reasons: unknown tiers or calendars, durations that are not
     * longer than zero, missing values, two rows for one cell, the live-chat rule.
     */
    public List<FieldProblem> problems(Collection<String> tiers, Collection<String> calendars) {
        var problems = new ArrayList<FieldProblem>();
        if (liveChatFirstReply == null || liveChatFirstReply.isZero() || liveChatFirstReply.isNegative()) {
            problems.add(FieldProblem.of("liveChatFirstReply", "problem.positive-duration"));
        }
        if (rows.isEmpty()) {
            problems.add(FieldProblem.of("rows", "problem.matrix.no-rows"));
        }
        var cells = new HashMap<String, Integer>();
        for (int i = 0; i < rows.size(); i++) {
            PolicyRow row = rows.get(i);
            String at = "rows[" + i + "].";
            if (row.tier() == null || row.tier().isBlank()) {
                problems.add(FieldProblem.of(at + "tier", "problem.missing"));
            } else if (!tiers.contains(row.tier())) {
                problems.add(FieldProblem.of(at + "tier", "problem.sla.unknown-tier", ApiProblems.echo(row.tier()), String.join(", ", tiers)));
            }
            if (row.type() == null) {
                problems.add(FieldProblem.of(at + "type", "problem.missing"));
            }
            if (row.target() == null) {
                problems.add(FieldProblem.of(at + "target", "problem.missing"));
            } else if (row.target() == SlaTarget.FIRST_CHAT_REPLY) {
                problems.add(FieldProblem.of(at + "target", "problem.matrix.chat-first-reply"));
            }
            if (row.duration() == null) {
                problems.add(FieldProblem.of(at + "duration", "problem.missing"));
            } else if (row.duration().isZero() || row.duration().isNegative()) {
                problems.add(FieldProblem.of(at + "duration", "problem.matrix.duration", DurationText.format(row.duration())));
            }
            if (row.calendar() == null || row.calendar().isBlank()) {
                problems.add(FieldProblem.of(at + "calendar", "problem.missing"));
            } else if (!calendars.contains(row.calendar())) {
                problems.add(FieldProblem.of(at + "calendar", "problem.unknown-calendar", ApiProblems.echo(row.calendar())));
            }
            if (row.tier() != null && row.type() != null && row.target() != null) {
                Integer first = cells.putIfAbsent(row.cell(), i);
                if (first != null) {
                    problems.add(FieldProblem.of(at.substring(0, at.length() - 1), REPEATED_ROW, first, row.cell()));
                }
            }
        }
        return problems;
    }

    /**
     * The targets for a ticket: per target the row for its priority if there is one, otherwise the row for every
     * priority; a live chat while agents are online adds the first chat reply.
     */
    public PolicyMatch match(String tier, TicketType type, Priority priority, Channel channel, boolean agentsOnline) {
        var targets = new EnumMap<SlaTarget, MatchedTarget>(SlaTarget.class);
        for (int i = 0; i < rows.size(); i++) {
            PolicyRow row = rows.get(i);
            if (!row.appliesTo(tier, type, priority)) {
                continue;
            }
            MatchedTarget known = targets.get(row.target());
            if (known == null || (known.row().priority() == null && row.priority() != null)) {
                targets.put(row.target(), new MatchedTarget(row.target(), row.duration(), row.calendar(), i, row));
            }
        }
        boolean liveChat = channel == Channel.LIVE_CHAT && agentsOnline;
        if (liveChat) {
            targets.put(SlaTarget.FIRST_CHAT_REPLY, new MatchedTarget(SlaTarget.FIRST_CHAT_REPLY, liveChatFirstReply,
                    LIVE_CHAT_CALENDAR, -1, null));
        }
        return new PolicyMatch(version, tier, type, priority, channel, liveChat, List.copyOf(targets.values()));
    }

    /** The row for a cell, if the matrix has one. */
    public Optional<PolicyRow> row(String tier, TicketType type, Priority priority, SlaTarget target) {
        return rows.stream().filter(row -> row.tier().equals(tier) && row.type() == type && row.priority() == priority
                && row.target() == target).findFirst();
    }

    /** The targets a policy gives one ticket, and the rows they come from. */
    public record PolicyMatch(int version, String tier, TicketType type, Priority priority, Channel channel,
                              boolean liveChatRule, List<MatchedTarget> targets) {

        public Optional<MatchedTarget> target(SlaTarget target) {
            return targets.stream().filter(t -> t.target() == target).findFirst();
        }

        public Map<SlaTarget, MatchedTarget> byTarget() {
            var map = new EnumMap<SlaTarget, MatchedTarget>(SlaTarget.class);
            targets.forEach(t -> map.put(t.target(), t));
            return map;
        }
    }

    /**
     * A target a ticket gets: duration and calendar, with the row (by index in the version) that gave it; the
     * live-chat rule has no row ({@code rowIndex} −1).
     */
    public record MatchedTarget(SlaTarget target, Duration duration, String calendar, int rowIndex, PolicyRow row) {

        /** Whether the row names the ticket's priority rather than standing for every priority. */
        public boolean priorityRow() {
            return row != null && row.priority() != null;
        }
    }
}
