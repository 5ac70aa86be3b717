package com.tierdesk.ticket;

import com.tierdesk.shared.Reason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Who is offered a ticket, as named rules, each pick and each person passed over with its reason (a timeline code):
 * "a VIP goes to the dedicated account manager first", "then to the least-loaded available senior agent with the
 * skill", "other tiers go to the least-loaded available agent with the skill", "nobody takes more than their daily
 * cap". The picks come in the order to try them: the cap is checked again when a pick takes its place for the day,
 * since another ticket may have taken the last one meanwhile.
 */
final class AssignmentPolicy {

    static final String VIP = "VIP";
    static final String OWNER = "ticket.timeline.assignment.owner";
    static final String SENIOR = "ticket.timeline.assignment.senior";
    static final String SKILLED = "ticket.timeline.assignment.skilled";
    static final String NO_OWNER = "ticket.timeline.assignment.no-owner";
    static final String OWNER_AWAY = "ticket.timeline.assignment.owner-away";
    static final String OWNER_CAPPED = "ticket.timeline.assignment.owner-capped";
    static final String NOBODY_AVAILABLE = "ticket.timeline.assignment.nobody-available";
    static final String EVERYONE_CAPPED = "ticket.timeline.assignment.everyone-capped";

    /** Least open tickets first, then fewest given today, then by name, so that the same loads give the same pick. */
    private static final Comparator<Candidate> LEAST_LOADED = Comparator.comparingInt(Candidate::openTickets)
            .thenComparingInt(Candidate::assignedToday).thenComparing(Candidate::username);

    /** A person to offer the ticket to, and the rule that offers it (a timeline code). */
    record Pick(Candidate candidate, String rule) {

        /** Why they have the ticket, once they took their place for the day, the {@code assignedToday}th. */
        Reason reason(String type, int assignedToday) {
            return OWNER.equals(rule) ? Reason.of(rule, candidate.username(), assignedToday, candidate.dailyCap())
                    : Reason.of(rule, candidate.username(), type, candidate.openTickets(), assignedToday,
                    candidate.dailyCap());
        }
    }

    /**
     * The outcome of the rules: the picks in order, what was noted on the way (the account manager passed over), and
     * the reason to record when no pick can take the ticket.
     */
    record Plan(List<Pick> picks, List<Reason> notes, Reason nobody) {
    }

    private AssignmentPolicy() {
    }

    /**
     * @param owner   the customer's dedicated account manager, or {@code null} when they have none who is a person
     * @param skilled the people available now who handle the ticket type (senior agents among them)
     */
    static Plan plan(String tier, String type, Candidate owner, List<Candidate> skilled) {
        var notes = new ArrayList<Reason>();
        var picks = new ArrayList<Pick>();
        List<Candidate> pool;
        String rule;
        if (VIP.equals(tier)) {
            if (owner == null) {
                notes.add(Reason.of(NO_OWNER));
            } else if (!owner.available()) {
                notes.add(Reason.of(OWNER_AWAY, owner.username()));
            } else if (owner.capped()) {
                notes.add(Reason.of(OWNER_CAPPED, owner.username(), owner.dailyCap()));
            } else {
                picks.add(new Pick(owner, OWNER));
            }
            pool = skilled.stream().filter(Candidate::senior).toList();
            rule = SENIOR;
        } else {
            pool = skilled;
            rule = SKILLED;
        }
        pool.stream().filter(candidate -> !candidate.capped()).sorted(LEAST_LOADED)
                .filter(candidate -> owner == null || !candidate.username().equals(owner.username()))
                .forEach(candidate -> picks.add(new Pick(candidate, rule)));
        Reason nobody = pool.isEmpty() ? Reason.of(NOBODY_AVAILABLE, type)
                : Reason.of(EVERYONE_CAPPED, type, pool.size());
        return new Plan(picks, notes, nobody);
    }
}
