package com.tierdesk.ticket;

import com.tierdesk.customer.CustomerId;
import com.tierdesk.notification.NotificationDraft;
import com.tierdesk.notification.Notifications;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Gives tickets to people by {@link AssignmentPolicy}, in the caller's transaction: the person picked takes one of
 * their places for the day there, so two tickets assigned at once never push anyone over their cap. Each decision
 * comes with its reasons for the timeline; a ticket nobody can take waits in the unassigned queue, and the
 * supervisors get a task in their pool and a notification.
 */
@Component
class Assignment {

    static final String UNASSIGNED_TASK = "UNASSIGNED_TICKET";

    private final People people;
    private final DailyLoads loads;
    private final Tasks tasks;
    private final Notifications notifications;
    private final BusinessTime time;

    Assignment(People people, DailyLoads loads, Tasks tasks, Notifications notifications, BusinessTime time) {
        this.notifications = notifications;
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
     * Picks the person for a ticket of this tier and type whose customer's dedicated account manager is
     * {@code owner} (a username, or {@code null}), and takes their place for the day.
     */
    Decision decide(String tier, TicketType type, String owner, String actor, Instant at) {
        LocalDate day = time.dateOf(at);
        List<StaffMember> available = people.availableWith(type.name(), null);
        AccountProfile ownerProfile = owner == null ? null : people.profile(owner)
                .filter(profile -> profile.account().enabled() && profile.account().kind() == AccountKind.PERSON)
                .orElse(null);
        Set<String> names = new HashSet<>();
        available.forEach(member -> names.add(member.username()));
        if (ownerProfile != null) {
            names.add(owner);
        }
        Map<String, DailyLoads.Load> load = loads.of(names, day);
        Candidate ownerCandidate = ownerProfile == null ? null : new Candidate(owner,
                ownerProfile.presence() == Presence.AVAILABLE, ownerProfile.account().role() == Role.SENIOR_AGENT,
                load.getOrDefault(owner, DailyLoads.Load.NONE).openTickets(),
                load.getOrDefault(owner, DailyLoads.Load.NONE).assignedToday(), ownerProfile.dailyCap());
        List<Candidate> skilled = available.stream().map(member -> {
            DailyLoads.Load of = load.getOrDefault(member.username(), DailyLoads.Load.NONE);
            return new Candidate(member.username(), true, member.role() == Role.SENIOR_AGENT, of.openTickets(),
                    of.assignedToday(), member.dailyCap());
        }).toList();
        AssignmentPolicy.Plan plan = AssignmentPolicy.plan(tier, type.name(), ownerCandidate, skilled);
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

    /** Counts a ticket given to a person by hand (or at intake) in their day, over the cap if need be. */
    void counted(String assignee, Instant at) {
        loads.count(assignee, time.dateOf(at));
    }

    /**
     * Tells the supervisors that a ticket waits for someone: a task in their pool and a notification to each, every
     * time the ticket found nobody ({@code version} tells the times apart).
     */
    void alertSupervisors(TicketId ticket, long version, CustomerId customer, TicketType type, Instant at) {
        tasks.create(new TaskDraft(TaskKind.UNASSIGNED_TICKET, customer, null, null,
                new TaskReason(UNASSIGNED_TASK, List.of(String.valueOf(ticket.value()), type.name())), null,
                time.dateOf(at), "ticket-unassigned:" + ticket.value() + ":" + version));
        for (StaffMember supervisor : people.supervisors()) {
            notifications.send(NotificationDraft.toConsole(supervisor.username(), "notification.ticket.unassigned",
                    "/tickets/" + ticket.value(), ticket.value()));
        }
    }

    private static TimelineEntry entry(Instant at, String actor, Reason reason) {
        return TimelineEntry.of(at, actor, reason.code(), reason.arguments().toArray());
    }
}
