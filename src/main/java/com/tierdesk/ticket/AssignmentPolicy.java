package com.tierdesk.ticket;

import com.tierdesk.shared.Reason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who is offered a ticket, as named rules, each pick and each person passed over with its reason (a timeline code):
 * "a VIP goes to the dedicated account manager first", "then to the least-loaded available senior agent with the
 * skill who speaks the requester's language", "other tiers go to the least-loaded available agent with the skill who
 * speaks the language", "nobody takes more than their daily cap". The picks come in the order to try them: the cap is
 * checked again when a pick takes its place for the day, since another ticket may have taken the last one meanwhile.
 * <p>
 * Language works as skills-based routing does in the helpdesks that have it (Zendesk's "fall back after no match"):
 * the people who speak the requester's language are offered the ticket first; when none of them can take it (none
 * available, all at their cap, or for a VIP none of them a senior agent), it falls back to the others with the skill
 * whatever their language, and the pick's reason says so, rather than letting the ticket wait until one comes back.
 * The dedicated account manager takes a VIP's ticket whatever its language: the relationship is theirs. A ticket
 * without a language (taken in before it was kept) goes by skill alone.
 */
final class AssignmentPolicy {

    static final String VIP = "VIP";
    static final String OWNER = "ticket.timeline.assignment.owner";
    static final String SENIOR = "ticket.timeline.assignment.senior";
    static final String SKILLED = "ticket.timeline.assignment.skilled";
    static final String SENIOR_SPEAKING = "ticket.timeline.assignment.senior-speaking";
    static final String SKILLED_SPEAKING = "ticket.timeline.assignment.skilled-speaking";
    static final String SENIOR_ANY_LANGUAGE = "ticket.timeline.assignment.senior-any-language";
    static final String SKILLED_ANY_LANGUAGE = "ticket.timeline.assignment.skilled-any-language";
    static final String NO_OWNER = "ticket.timeline.assignment.no-owner";
    static final String OWNER_AWAY = "ticket.timeline.assignment.owner-away";
    static final String OWNER_CAPPED = "ticket.timeline.assignment.owner-capped";
    static final String NOBODY_AVAILABLE = "ticket.timeline.assignment.nobody-available";
    static final String EVERYONE_CAPPED = "ticket.timeline.assignment.everyone-capped";

    /** Least open tickets first, then fewest given today, then by name, so that the same loads give the same pick. */
    private static final Comparator<Candidate> LEAST_LOADED = Comparator.comparingInt(Candidate::openTickets)
            .thenComparingInt(Candidate::assignedToday).thenComparing(Candidate::username);

    /** A person to offer the ticket to, the rule that offers it (a timeline code) and the ticket's language. */
    record Pick(Candidate candidate, String rule, String language) {

        /** Why they have the ticket, once they took their place for the day, the {@code assignedToday}th. */
        Reason reason(String type, int assignedToday) {
            if (OWNER.equals(rule)) {
                return Reason.of(rule, candidate.username(), assignedToday, candidate.dailyCap());
            }
            if (language == null) {
                return Reason.of(rule, candidate.username(), type, candidate.openTickets(), assignedToday,
                        candidate.dailyCap());
            }
            return Reason.of(rule, candidate.username(), type, language, candidate.openTickets(), assignedToday,
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
     * @param language the requester's language, or {@code null} when the ticket has none
     * @param owner    the customer's dedicated account manager, or {@code null} when they have none who is a person
     * @param speaking the people available now who handle the ticket type and speak the language (all of those who
     *                 handle the type when it has none), senior agents among them
     * @param others   the other people available now who handle the type, whatever their language: the fallback when
     *                 none who speak it can take the ticket (the caller may leave them out while someone can)
     */
    static Plan plan(String tier, String type, String language, Candidate owner, List<Candidate> speaking,
                     List<Candidate> others) {
        var notes = new ArrayList<Reason>();
        var picks = new ArrayList<Pick>();
        boolean vip = VIP.equals(tier);
        if (vip) {
            if (owner == null) {
                notes.add(Reason.of(NO_OWNER));
            } else if (!owner.available()) {
                notes.add(Reason.of(OWNER_AWAY, owner.username()));
            } else if (owner.capped()) {
                notes.add(Reason.of(OWNER_CAPPED, owner.username(), owner.dailyCap()));
            } else {
                picks.add(new Pick(owner, OWNER, language));
            }
        }
        List<Candidate> pool = vip ? seniors(speaking) : speaking;
        String rule = language == null ? (vip ? SENIOR : SKILLED) : (vip ? SENIOR_SPEAKING : SKILLED_SPEAKING);
        List<Pick> speakers = picks(pool, owner, rule, language);
        picks.addAll(speakers);
        Set<String> offered = new HashSet<>();
        pool.forEach(candidate -> offered.add(candidate.username()));
        List<Candidate> fallback = language == null ? List.of() : (vip ? seniors(others) : others).stream()
                .filter(candidate -> !offered.contains(candidate.username())).toList();
        if (speakers.isEmpty()) {
            picks.addAll(picks(fallback, owner, vip ? SENIOR_ANY_LANGUAGE : SKILLED_ANY_LANGUAGE, language));
        }
        int considered = pool.size() + fallback.size();
        Reason nobody = considered == 0 ? Reason.of(NOBODY_AVAILABLE, type) : Reason.of(EVERYONE_CAPPED, type, considered);
        return new Plan(picks, notes, nobody);
    }

    /** Whether the plan offers the ticket to anyone but the account manager. */
    static boolean offersBeyondTheOwner(Plan plan) {
        return plan.picks().stream().anyMatch(pick -> !OWNER.equals(pick.rule()));
    }

    private static List<Candidate> seniors(List<Candidate> candidates) {
        return candidates.stream().filter(Candidate::senior).toList();
    }

    private static List<Pick> picks(List<Candidate> pool, Candidate owner, String rule, String language) {
        return pool.stream().filter(candidate -> !candidate.capped()).sorted(LEAST_LOADED)
                .filter(candidate -> owner == null || !candidate.username().equals(owner.username()))
                .map(candidate -> new Pick(candidate, rule, language)).toList();
    }
}
