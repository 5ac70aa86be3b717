package com.tierdesk.ticket;

import com.tierdesk.security.People;
import com.tierdesk.security.StaffMember;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.Reason;
import com.tierdesk.shared.TextRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The complaint flow (SPEC §3) on complaint tickets: its stages recorded in order, each on the timeline; a complaint
 * flagged complex; escalation to a specialist (an available member of the {@code complaints} team under their daily
 * cap, the least loaded), who gets the ticket and keeps the customer updated, since a public reply restarts the
 * complaint's periodic-update target. Every change takes the version read, like every other change of a ticket.
 */
@Service
@Transactional(readOnly = true)
public class Complaints {

    /** The team whose members take escalated complaints. */
    public static final String SPECIALISTS = "complaints";

    private final Tickets tickets;
    private final ComplaintRecords records;
    private final People people;
    private final DailyLoads loads;
    private final BusinessTime time;

    Complaints(Tickets tickets, ComplaintRecords records, People people, DailyLoads loads, BusinessTime time) {
        this.tickets = tickets;
        this.records = records;
        this.people = people;
        this.loads = loads;
        this.time = time;
    }

    public Complaint of(TicketId id) {
        return records.of(id);
    }

    /** Records the next stage of the version read, with its text. */
    @Transactional
    public TicketDetail recordStage(TicketId id, long expectedVersion, ComplaintStage stage, String body,
            String actor) {
        var problems = new ArrayList<FieldProblem>();
        if (stage == null) {
            problems.add(FieldProblem.of("stage", "problem.required"));
        }
        if (body == null || body.isBlank()) {
            problems.add(FieldProblem.of("body", "problem.required"));
        } else {
            TextRules.multiline(body, TicketRules.MAX_BODY)
                    .ifPresent(reason -> problems.add(new FieldProblem("body", reason)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Instant now = time.now();
        return tickets.change(id, expectedVersion, ticket -> {
            ComplaintPolicy.refusesStage(ticket, records.of(id), stage).ifPresent(reason -> {
                throw conflict("stage", reason);
            });
            records.addStage(id, stage, body.strip(), actor, now);
            return ticket.noted(List.of(TimelineEntry.of(now, actor, "ticket.timeline.complaint.stage", stage)));
        });
    }

    /** Flags the version read as a complex complaint: it gets a callback once it closes. */
    @Transactional
    public TicketDetail flagComplex(TicketId id, long expectedVersion, String actor) {
        Instant now = time.now();
        return tickets.change(id, expectedVersion, ticket -> {
            ComplaintPolicy.refusesFlow(ticket).ifPresent(reason -> {
                throw conflict("complex", reason);
            });
            if (records.of(id).complex()) {
                return ticket.noted(List.of());
            }
            records.flagComplex(id);
            return ticket.noted(List.of(TimelineEntry.of(now, actor, "ticket.timeline.complaint.complex")));
        });
    }

    /**
     * Escalates the version read to a specialist: the least-loaded available member of the complaints team under
     * their cap takes the ticket (and a place in their day); the complaint becomes complex.
     */
    @Transactional
    public TicketDetail escalate(TicketId id, long expectedVersion, String actor) {
        Instant now = time.now();
        return tickets.change(id, expectedVersion, ticket -> {
            ComplaintPolicy.refusesEscalation(ticket, records.of(id)).ifPresent(reason -> {
                throw conflict("specialist", reason);
            });
            String specialist = takeSpecialist(now);
            records.escalated(id, specialist, now);
            return ticket.handedTo(specialist,
                    List.of(TimelineEntry.of(now, actor, "ticket.timeline.complaint.escalated", specialist)), now);
        });
    }

    private String takeSpecialist(Instant now) {
        var day = time.dateOf(now);
        List<StaffMember> team = people.availableInTeam(SPECIALISTS);
        Map<String, DailyLoads.Load> load = loads.of(team.stream().map(StaffMember::username).toList(), day);
        List<StaffMember> leastLoadedFirst = team.stream().sorted(Comparator
                .comparingInt((StaffMember member) -> load.getOrDefault(member.username(), DailyLoads.Load.NONE)
                        .openTickets())
                .thenComparing(StaffMember::username)).toList();
        for (StaffMember member : leastLoadedFirst) {
            if (loads.take(member.username(), day, member.dailyCap()) > 0) {
                return member.username();
            }
        }
        throw new Conflict("specialist", "problem.ticket.complaint.no-specialist", SPECIALISTS);
    }

    private static Conflict conflict(String field, Reason reason) {
        return new Conflict(field, reason.code(), reason.arguments().toArray());
    }
}
