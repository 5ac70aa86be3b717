package com.tierdesk.ticket;

import com.tierdesk.security.People;
import com.tierdesk.security.StaffMember;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.sla.BusinessCalendar;
import com.tierdesk.sla.ClockEnd;
import com.tierdesk.sla.ClockStatus;
import com.tierdesk.sla.SlaCalendars;
import com.tierdesk.sla.TargetClock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the SLA watcher does when a ticket's wake comes: with the ticket's row locked, it replays the targets as of
 * now and stores them, records each target's first turn to at risk and to breached in each of its cycles on the
 * timeline, takes the escalation steps that fell due (in their configured order, once per ticket, target, cycle and
 * level, each on the timeline, notifications through the outbox: the console bell, and an email in their language to
 * those with an address) and sets the next wake.
 */
@Component
class SlaWatcher {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final TicketRepository tickets;
    private final WatchRepository watches;
    private final SlaOutcomes sla;
    private final SlaWatch watch;
    private final SlaCalendars calendars;
    private final EscalationSettings escalation;
    private final StaffAlerts alerts;
    private final People people;
    private final BusinessTime time;

    SlaWatcher(TicketRepository tickets, WatchRepository watches, SlaOutcomes sla, SlaWatch watch,
            SlaCalendars calendars, EscalationSettings escalation, StaffAlerts alerts, People people,
            BusinessTime time) {
        this.tickets = tickets;
        this.watches = watches;
        this.sla = sla;
        this.watch = watch;
        this.calendars = calendars;
        this.escalation = escalation;
        this.alerts = alerts;
        this.people = people;
        this.time = time;
    }

    /**
     * Looks at the ticket for its wake; false if the wake came before its instant by the business clock (only a clock
     * set apart from the scheduler's makes that happen), so that it is looked at again. A replaced wake does nothing.
     */
    @Transactional
    boolean fire(TicketId id, Instant wake) {
        Optional<Ticket> locked = tickets.lock(id);
        if (locked.isEmpty() || !watch.isCurrent(id, wake)) {
            return true;
        }
        Instant now = time.now();
        if (now.isBefore(wake)) {
            return false;
        }
        Ticket ticket = locked.get();
        SlaOutcomes.Replay replay = sla.replay(ticket, tickets.clockHistory(id), now);
        tickets.replaceTargets(id, replay.outcomes(), now);
        var timeline = new ArrayList<TimelineEntry>();
        for (TargetClock clock : replay.running()) {
            recordAlerts(id, clock, now, timeline);
        }
        tickets.record(id, timeline);
        Optional<Instant> nextStep = Optional.empty();
        for (TargetClock clock : replay.running()) {
            ticket = tickets.find(id).orElseThrow();
            nextStep = earliest(nextStep, escalate(ticket, clock, now));
        }
        // the ticket's place in the queues with its risk now, after the steps (a reassignment moves it to another queue)
        tickets.placeInQueue(id, replay.outcomes(), now);
        // a change that falls on this very instant is looked at a second later, under a wake of its own
        watch.follow(id, earliest(replay.nextChange(), nextStep).map(next -> next.isAfter(now) ? next : now.plusSeconds(1)));
        return true;
    }

    /**
     * The clock's cycle as escalation counts them: its earlier cycles but those a tier change took over, so that a
     * reopened resolution (or a new next reply or periodic update) is at risk, breached and escalated again, and a
     * cycle carried on under a new tier is not.
     */
    static int cycleOf(TargetClock clock) {
        return (int) clock.earlierCycles().stream().filter(earlier -> earlier.endedBy() != ClockEnd.TIER_CHANGED).count();
    }

    private void recordAlerts(TicketId id, TargetClock clock, Instant now, List<TimelineEntry> timeline) {
        int cycle = cycleOf(clock);
        if (clock.status() == ClockStatus.AT_RISK || clock.status() == ClockStatus.BREACHED) {
            Instant atRisk = clock.status() == ClockStatus.AT_RISK ? now : clock.due();
            if (watches.alert(id, clock.target(), cycle, ClockStatus.AT_RISK, atRisk)) {
                timeline.add(TimelineEntry.of(now, Ticket.SYSTEM, "ticket.timeline.sla-at-risk", clock.target(),
                        shown(clock.due())));
            }
        }
        if (clock.status() == ClockStatus.BREACHED
                && watches.alert(id, clock.target(), cycle, ClockStatus.BREACHED, clock.due())) {
            timeline.add(TimelineEntry.of(now, Ticket.SYSTEM, "ticket.timeline.sla-breached", clock.target(),
                    shown(clock.due())));
        }
    }

    /**
     * Takes the target's steps that are due, in order, and gives the instant the next one falls due; a step waits
     * for the steps before it, and on a business-hours calendar for the next working minute.
     */
    private Optional<Instant> escalate(Ticket ticket, TargetClock clock, Instant now) {
        int cycle = cycleOf(clock);
        Map<ClockStatus, Instant> reached = watches.alerts(ticket.id(), clock.target(), cycle);
        List<Integer> taken = watches.stepsTaken(ticket.id(), clock.target(), cycle);
        BusinessCalendar calendar = calendars.get(clock.calendar());
        List<EscalationSettings.Step> steps = escalation.steps();
        for (int level = 0; level < steps.size(); level++) {
            EscalationSettings.Step step = steps.get(level);
            Instant since = reached.get(step.when());
            if (since == null) {
                return Optional.empty();
            }
            if (taken.contains(level)) {
                continue;
            }
            Instant due = workingMinute(calendar, since.plus(step.after()));
            if (due.isAfter(now)) {
                return Optional.of(due);
            }
            if (watches.claimStep(ticket.id(), clock.target(), cycle, level, step.action(), now)) {
                ticket = take(step.action(), ticket, clock, now);
            }
        }
        return Optional.empty();
    }

    /** The instant itself when the calendar works then (24×7 always does), else the next working minute. */
    private static Instant workingMinute(BusinessCalendar calendar, Instant instant) {
        if (calendar.alwaysOpen() || calendar.isWorkingTime(instant)) {
            return instant;
        }
        return calendar.add(instant, MINUTE).minus(MINUTE);
    }

    private Ticket take(EscalationAction action, Ticket ticket, TargetClock clock, Instant now) {
        String notification = clock.status() == ClockStatus.BREACHED ? "notification.sla.breached"
                : "notification.sla.at-risk";
        return switch (action) {
            case NOTIFY_ASSIGNEE -> {
                List<String> to = ticket.assignee() != null ? List.of(ticket.assignee()) : supervisors();
                notify(ticket, to, notification, clock, now);
                yield ticket;
            }
            case NOTIFY_SUPERVISORS -> {
                notify(ticket, supervisors(), notification, clock, now);
                yield ticket;
            }
            case REASSIGN_TO_SENIOR -> reassign(ticket, clock, now);
        };
    }

    private void notify(Ticket ticket, List<String> to, String template, TargetClock clock, Instant now) {
        alerts.tell(to, template, link(ticket), ticket.id().value(), ticket.subject(), shown(clock.due()));
        tickets.record(ticket.id(), List.of(to.isEmpty()
                ? TimelineEntry.of(now, Ticket.SYSTEM, "ticket.timeline.escalation.nobody-to-notify", clock.target())
                : TimelineEntry.of(now, Ticket.SYSTEM, "ticket.timeline.escalation.notified", clock.target(),
                        String.join(", ", to))));
    }

    /** Gives the ticket to the senior agent with the fewest open tickets (by name among equals), and tells them. */
    private Ticket reassign(Ticket ticket, TargetClock clock, Instant now) {
        List<String> seniors = names(people.seniorSupport()).filter(name -> !name.equals(ticket.assignee())).toList();
        Map<String, Integer> load = watches.openTicketsOf(seniors);
        Optional<String> chosen = seniors.stream()
                .min(Comparator.comparingInt((String name) -> load.getOrDefault(name, 0)).thenComparing(name -> name));
        if (chosen.isEmpty()) {
            tickets.record(ticket.id(), List.of(TimelineEntry.of(now, Ticket.SYSTEM,
                    "ticket.timeline.escalation.no-senior-agent", clock.target())));
            return ticket;
        }
        Ticket reassigned = new Ticket(ticket.id(), ticket.customerId(), ticket.customerCode(), ticket.channel(),
                ticket.requester(), ticket.subject(), ticket.type(), ticket.priority(), ticket.status(), ticket.tags(),
                ticket.attachments(), chosen.get(), ticket.tier(), ticket.policyVersion(), ticket.followUpOf(),
                ticket.createdAt(), now, ticket.solvedAt(), ticket.version());
        tickets.update(reassigned);
        tickets.record(ticket.id(), List.of(TimelineEntry.of(now, Ticket.SYSTEM, "ticket.timeline.escalation.reassigned",
                clock.target(), ticket.assignee() == null ? "-" : ticket.assignee(), chosen.get(),
                load.getOrDefault(chosen.get(), 0))));
        alerts.tell(List.of(chosen.get()), "notification.sla.reassigned", link(ticket), ticket.id().value(),
                ticket.subject(), shown(clock.due()));
        return tickets.find(ticket.id()).orElseThrow();
    }

    private List<String> supervisors() {
        return names(people.supervisors()).toList();
    }

    private static Stream<String> names(List<StaffMember> members) {
        return members.stream().map(StaffMember::username);
    }

    private String shown(Instant instant) {
        return SHOWN.format(time.local(instant));
    }

    private static String link(Ticket ticket) {
        return "/tickets/" + ticket.id().value();
    }

    private static Optional<Instant> earliest(Optional<Instant> a, Optional<Instant> b) {
        return Stream.of(a, b).flatMap(Optional::stream).min(Instant::compareTo);
    }
}
