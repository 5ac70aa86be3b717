package com.tierdesk.ticket;

import com.tierdesk.customer.CustomerId;
import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.Reason;
import com.tierdesk.sla.Priority;
import com.tierdesk.sla.TicketEvent;
import com.tierdesk.sla.TicketType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A service request. It keeps the SLA policy version it started under and the tier its clocks count under now;
 * {@code version} counts its changes (optimistic locking); {@code agentsOnlineAtIntake}, whether an agent was
 * available when it came in, decides whether a live chat's first reply is due in 30 seconds. Each change is a method
 * that returns the ticket after it, the events it adds to the SLA clock's history and the entries it adds to the
 * timeline.
 */
public record Ticket(TicketId id, CustomerId customerId, String customerCode, IntakeChannel channel,
                     Requester requester, String subject, TicketType type, Priority priority, TicketStatus status,
                     List<String> tags, List<Attachment> attachments, String assignee, String tier, int policyVersion,
                     TicketId followUpOf, Instant createdAt, Instant updatedAt, Instant solvedAt, long version,
                     boolean agentsOnlineAtIntake) {

    /** The account that system changes (a tier change, the automatic close) are recorded under. */
    public static final String SYSTEM = "system";

    public Ticket {
        tags = List.copyOf(tags);
        attachments = List.copyOf(attachments);
    }

    /** A ticket that came in while no agent was available. */
    public Ticket(TicketId id, CustomerId customerId, String customerCode, IntakeChannel channel, Requester requester,
                  String subject, TicketType type, Priority priority, TicketStatus status, List<String> tags,
                  List<Attachment> attachments, String assignee, String tier, int policyVersion, TicketId followUpOf,
                  Instant createdAt, Instant updatedAt, Instant solvedAt, long version) {
        this(id, customerId, customerCode, channel, requester, subject, type, priority, status, tags, attachments,
                assignee, tier, policyVersion, followUpOf, createdAt, updatedAt, solvedAt, version, false);
    }

    /** The ticket as stored under the id the store gave it. */
    Ticket stored(TicketId storedAs) {
        return new Ticket(storedAs, customerId, customerCode, channel, requester, subject, type, priority, status, tags,
                attachments, assignee, tier, policyVersion, followUpOf, createdAt, updatedAt, solvedAt, version,
                agentsOnlineAtIntake);
    }

    /** A change: the ticket after it, what it adds to the SLA clock's history and to the timeline. */
    public record Changed(Ticket after, List<TicketEvent> clockEvents, List<TimelineEntry> timeline) {

        public boolean changedAnything() {
            return !timeline.isEmpty();
        }
    }

    /** Moves the ticket to another status, as {@link StatusPolicy} allows: pausing, resuming, solving, reopening. */
    public Changed moveTo(TicketStatus to, String actor, Instant at) {
        StatusPolicy.refusal(status, to).ifPresent(reason -> {
            throw refusal("status", reason);
        });
        var clock = new ArrayList<TicketEvent>();
        var timeline = new ArrayList<TimelineEntry>();
        Ticket after = movedTo(to, at, actor, clock, timeline);
        return new Changed(after, clock, timeline);
    }

    /**
     * Adds a message: an agent's public reply (opens a new or reopened ticket), an internal note, or a customer
     * message (resumes a ticket pending on the customer, reopens a solved one). A closed ticket takes none: an agent
     * is refused, and a customer writing again opens a follow-up ({@link Tickets#addMessage}).
     */
    public Changed add(MessageKind kind, String actor, Instant at) {
        if (status == TicketStatus.CLOSED) {
            throw new Conflict("status", "problem.ticket.closed-takes-no-message", id.value());
        }
        var clock = new ArrayList<TicketEvent>();
        var timeline = new ArrayList<TimelineEntry>();
        Ticket after = this;
        switch (kind) {
            case PUBLIC_REPLY -> {
                timeline.add(TimelineEntry.of(at, actor, "ticket.timeline.public-reply"));
                clock.add(TicketEvent.of(at, TicketEvent.Kind.AGENT_PUBLIC_REPLY));
                if (status == TicketStatus.NEW || status == TicketStatus.REOPENED) {
                    after = movedTo(TicketStatus.OPEN, at, actor, clock, timeline);
                }
            }
            case INTERNAL_NOTE -> timeline.add(TimelineEntry.of(at, actor, "ticket.timeline.internal-note"));
            case CUSTOMER_MESSAGE -> {
                timeline.add(TimelineEntry.of(at, actor, "ticket.timeline.customer-message"));
                if (status == TicketStatus.PENDING_CUSTOMER) {
                    after = movedTo(TicketStatus.OPEN, at, actor, clock, timeline);
                } else if (status == TicketStatus.SOLVED) {
                    after = movedTo(TicketStatus.REOPENED, at, actor, clock, timeline);
                }
                clock.add(TicketEvent.of(at, TicketEvent.Kind.CUSTOMER_MESSAGE));
            }
        }
        return new Changed(after.touched(at), clock, timeline);
    }

    /** New priority, type or tags; the clocks are recomputed for the new type and priority from the start. */
    public Changed change(TicketChange change, String actor, Instant at) {
        if (status == TicketStatus.CLOSED) {
            throw new Conflict("status", "problem.ticket.closed-takes-no-change", id.value());
        }
        var timeline = new ArrayList<TimelineEntry>();
        Priority newPriority = change.priority() == null ? priority : change.priority();
        TicketType newType = change.type() == null ? type : change.type();
        List<String> newTags = change.tags() == null ? tags : List.copyOf(change.tags());
        if (newPriority != priority) {
            timeline.add(TimelineEntry.of(at, actor, "ticket.timeline.priority", priority, newPriority));
        }
        if (newType != type) {
            timeline.add(TimelineEntry.of(at, actor, "ticket.timeline.type", type, newType));
        }
        if (!newTags.equals(tags)) {
            timeline.add(TimelineEntry.of(at, actor, "ticket.timeline.tags", String.join(", ", newTags)));
        }
        Ticket after = new Ticket(id, customerId, customerCode, channel, requester, subject, newType, newPriority,
                status, newTags, attachments, assignee, tier, policyVersion, followUpOf, createdAt, at, solvedAt,
                version, agentsOnlineAtIntake);
        return new Changed(timeline.isEmpty() ? this : after, List.of(), timeline);
    }

    /** Hands the ticket to another account, or to nobody (null): it waits in the unassigned queue then. */
    public Changed reassign(String newAssignee, String actor, Instant at) {
        if (status == TicketStatus.CLOSED) {
            throw new Conflict("status", "problem.ticket.closed-takes-no-change", id.value());
        }
        if (Objects.equals(newAssignee, assignee)) {
            return new Changed(this, List.of(), List.of());
        }
        return new Changed(assignedTo(newAssignee, at), List.of(), List.of(newAssignee == null
                ? TimelineEntry.of(at, actor, "ticket.timeline.unassigned", assignee)
                : TimelineEntry.of(at, actor, "ticket.timeline.reassigned", newAssignee)));
    }

    /**
     * Handed to a person by a rule (assignment, escalation), or to nobody ({@code null}: it waits in the unassigned
     * queue), with the rule's reasons on the timeline.
     */
    Changed handedTo(String newAssignee, List<TimelineEntry> reasons, Instant at) {
        if (status == TicketStatus.CLOSED) {
            throw new Conflict("status", "problem.ticket.closed-takes-no-change", id.value());
        }
        return new Changed(assignedTo(newAssignee, at), List.of(), reasons);
    }

    /** A step recorded on the ticket (a complaint's stage, say) that changes nothing else; none changes nothing. */
    Changed noted(List<TimelineEntry> entries) {
        return entries.isEmpty() ? new Changed(this, List.of(), List.of())
                : new Changed(touched(entries.get(0).at()), List.of(), entries);
    }

    /**
     * A step of the return made on this ticket, on its timeline; the decision on the request (approved or rejected)
     * also ends the return-decision target at that instant.
     */
    Changed returnStep(TimelineEntry entry, boolean decision) {
        return new Changed(touched(entry.at()),
                decision ? List.of(TicketEvent.of(entry.at(), TicketEvent.Kind.RETURN_DECIDED)) : List.of(),
                List.of(entry));
    }

    /**
     * Closed as a duplicate merged into {@code target}: no status rule applies, since any open ticket may be merged,
     * and the clocks are left as they stood (the target carries the request on).
     */
    Changed mergedInto(TicketId target, String actor, Instant at) {
        Ticket after = new Ticket(id, customerId, customerCode, channel, requester, subject, type, priority,
                TicketStatus.CLOSED, tags, attachments, assignee, tier, policyVersion, followUpOf, createdAt, at,
                solvedAt, version, agentsOnlineAtIntake);
        return new Changed(after, List.of(), List.of(TimelineEntry.of(at, actor, "ticket.timeline.merged-into",
                target.value())));
    }

    /** The target of a merge with the duplicate's tags added and the SLA policy version its clocks now count under. */
    Changed merged(List<String> mergedTags, int clockPolicyVersion, List<TimelineEntry> entries, Instant at) {
        Ticket after = new Ticket(id, customerId, customerCode, channel, requester, subject, type, priority, status,
                mergedTags, attachments, assignee, tier, clockPolicyVersion, followUpOf, createdAt, at, solvedAt,
                version, agentsOnlineAtIntake);
        return new Changed(after, List.of(), entries);
    }

    private Ticket assignedTo(String newAssignee, Instant at) {
        return new Ticket(id, customerId, customerCode, channel, requester, subject, type, priority, status, tags,
                attachments, newAssignee, tier, policyVersion, followUpOf, createdAt, at, solvedAt, version,
                agentsOnlineAtIntake);
    }

    /**
     * The customer's tier changed: the clocks count under the new tier from the change, by the configured rule. A
     * closed ticket is left alone; a solved one records the tier, so that a reopen counts under it.
     */
    public Changed tierChanged(String newTier, Instant at) {
        if (status == TicketStatus.CLOSED || newTier.equals(tier)) {
            return new Changed(this, List.of(), List.of());
        }
        Ticket after = new Ticket(id, customerId, customerCode, channel, requester, subject, type, priority, status,
                tags, attachments, assignee, newTier, policyVersion, followUpOf, createdAt, at, solvedAt, version,
                agentsOnlineAtIntake);
        return new Changed(after, List.of(TicketEvent.tierChanged(at, newTier)),
                List.of(TimelineEntry.of(at, SYSTEM, "ticket.timeline.tier-changed", tier, newTier)));
    }

    private Ticket movedTo(TicketStatus to, Instant at, String actor, List<TicketEvent> clock,
            List<TimelineEntry> timeline) {
        if (status.pending()) {
            clock.add(TicketEvent.of(at, TicketEvent.Kind.RESUMED));
        }
        switch (to) {
            case PENDING_CUSTOMER -> clock.add(TicketEvent.of(at, TicketEvent.Kind.PENDING_ON_CUSTOMER));
            case PENDING_THIRD_PARTY -> clock.add(TicketEvent.of(at, TicketEvent.Kind.PENDING_ON_THIRD_PARTY));
            case SOLVED -> clock.add(TicketEvent.of(at, TicketEvent.Kind.SOLVED));
            case REOPENED -> clock.add(TicketEvent.of(at, TicketEvent.Kind.REOPENED));
            default -> {
            }
        }
        timeline.add(TimelineEntry.of(at, actor, "ticket.timeline.status", status, to));
        Instant solved = to == TicketStatus.SOLVED ? at : to == TicketStatus.CLOSED ? solvedAt : null;
        return new Ticket(id, customerId, customerCode, channel, requester, subject, type, priority, to, tags,
                attachments, assignee, tier, policyVersion, followUpOf, createdAt, at, solved, version,
                agentsOnlineAtIntake);
    }

    private Ticket touched(Instant at) {
        return Objects.equals(updatedAt, at) ? this : new Ticket(id, customerId, customerCode, channel, requester,
                subject, type, priority, status, tags, attachments, assignee, tier, policyVersion, followUpOf,
                createdAt, at, solvedAt, version, agentsOnlineAtIntake);
    }

    private static Conflict refusal(String field, Reason reason) {
        return new Conflict(field, reason.code(), reason.arguments().toArray());
    }
}
