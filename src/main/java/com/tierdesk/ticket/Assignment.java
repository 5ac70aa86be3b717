package com.tierdesk.ticket;

import com.tierdesk.customer.CustomerId;
import com.tierdesk.security.AccountKind;
import com.tierdesk.security.AccountProfile;
import com.tierdesk.security.People;
import com.tierdesk.security.Presence;
import com.tierdesk.security.Role;
import com.tierdesk.security.StaffMember;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.Reason;
import com.tierdesk.sla.TicketType;
import com.tierdesk.task.TaskDraft;
import com.tierdesk.task.TaskKind;
import com.tierdesk.task.TaskReason;
import com.tierdesk.task.Tasks;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Gives tickets to people by {@link AssignmentPolicy}, in the caller's transaction: the person picked takes one of
 * their places for the day there, so two tickets assigned at once never push anyone over their cap. Each decision
 * comes with its reasons for the timeline; a ticket nobody can take waits in the unassigned queue, and the
 * supervisors get a task in their pool and a notification (by email too to those with an address).
 */
@Component
class Assignment {

    static final String UNASSIGNED_TASK = "UNASSIGNED_TICKET";

    private final People people;
    private final DailyLoads loads;
    private final Tasks tasks;
    private final StaffAlerts alerts;
    private final BusinessTime time;

    Assignment(People people, DailyLoads loads, Tasks tasks, StaffAlerts alerts, BusinessTime time) {
        this.alerts = alerts;
        this.people = people;
        this.loads = loads;
        this.tasks = tasks;
        this.time = time;
    }

    /** Who has the ticket ({@code null}: nobody could take it) and why, as timeline entries. */
    record Decision(String assignee, List<TimelineEntry> timeline) {

        boolean nobody() {
            return assignee == null;
        }
    }

    /**
     * Picks the person for a ticket of this tier, type and requester's language ({@code null}: none known) whose
     * customer's dedicated account manager is {@code owner} (a username, or {@code null}), and takes their place for
     * the day. The people who handle the type whatever their language are read only when nobody who speaks it can
     * take the ticket ({@link AssignmentPolicy}).
     */
    Decision decide(String tier, TicketType type, String language, String owner, String actor, Instant at) {
        LocalDate day = time.dateOf(at);
        List<StaffMember> speaking = people.availableWith(type.name(), language);
        AccountProfile ownerProfile = owner == null ? null : people.profile(owner)
                .filter(profile -> profile.account().enabled() && profile.account().kind() == AccountKind.PERSON
                        && profile.account().role().worksTickets())
                .orElse(null);
        Set<String> names = new HashSet<>();
        speaking.forEach(member -> names.add(member.username()));
        if (ownerProfile != null) {
            names.add(owner);
        }
        Map<String, DailyLoads.Load> load = new HashMap<>(loads.of(names, day));
        Candidate ownerCandidate = ownerProfile == null ? null : new Candidate(owner,
                ownerProfile.presence() == Presence.AVAILABLE, ownerProfile.account().role() == Role.SENIOR_AGENT,
                load.getOrDefault(owner, DailyLoads.Load.NONE).openTickets(),
                load.getOrDefault(owner, DailyLoads.Load.NONE).assignedToday(), ownerProfile.dailyCap());
        List<Candidate> speakers = candidates(speaking, load);
        AssignmentPolicy.Plan plan = AssignmentPolicy.plan(tier, type.name(), language, ownerCandidate, speakers,
                List.of());
        if (language != null && !AssignmentPolicy.offersBeyondTheOwner(plan)) {
            List<StaffMember> others = people.availableWith(type.name(), null).stream()
                    .filter(member -> !names.contains(member.username())).toList();
            load.putAll(loads.of(others.stream().map(StaffMember::username).collect(Collectors.toSet()), day));
            plan = AssignmentPolicy.plan(tier, type.name(), language, ownerCandidate, speakers, candidates(others, load));
        }
        var timeline = new ArrayList<TimelineEntry>();
        plan.notes().forEach(note -> timeline.add(entry(at, actor, note)));
        for (AssignmentPolicy.Pick pick : plan.picks()) {
            int assignedToday = loads.take(pick.candidate().username(), day, pick.candidate().dailyCap());
            if (assignedToday > 0) {
                timeline.add(entry(at, actor, pick.reason(type.name(), assignedToday)));
                return new Decision(pick.candidate().username(), timeline);
            }
        }
        timeline.add(entry(at, actor, plan.nobody()));
        return new Decision(null, timeline);
    }

    private static List<Candidate> candidates(List<StaffMember> members, Map<String, DailyLoads.Load> load) {
        return members.stream().map(member -> {
            DailyLoads.Load of = load.getOrDefault(member.username(), DailyLoads.Load.NONE);
            return new Candidate(member.username(), true, member.role() == Role.SENIOR_AGENT, of.openTickets(),
                    of.assignedToday(), member.dailyCap());
        }).toList();
    }

    /** Counts a ticket given to a person by hand (or at intake) in their day, over the cap if need be. */
    void counted(String assignee, Instant at) {
        loads.count(assignee, time.dateOf(at));
    }

    /**
     * Tells the supervisors that a ticket waits for someone: a task in their pool and a notification to each (by email
     * too to those with an address), every time the ticket found nobody ({@code version} tells the times apart).
     */
    void alertSupervisors(TicketId ticket, long version, CustomerId customer, TicketType type, Instant at) {
        tasks.create(new TaskDraft(TaskKind.UNASSIGNED_TICKET, customer, null, null,
                new TaskReason(UNASSIGNED_TASK, List.of(String.valueOf(ticket.value()), type.name())), null,
                time.dateOf(at), "ticket-unassigned:" + ticket.value() + ":" + version));
        alerts.tell(people.supervisors().stream().map(StaffMember::username).toList(), "notification.ticket.unassigned",
                "/tickets/" + ticket.value(), ticket.value());
    }

    private static TimelineEntry entry(Instant at, String actor, Reason reason) {
        return TimelineEntry.of(at, actor, reason.code(), reason.arguments().toArray());
    }
}
