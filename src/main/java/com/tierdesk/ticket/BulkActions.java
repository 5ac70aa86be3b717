package com.tierdesk.ticket;

import com.tierdesk.security.People;
import com.tierdesk.shared.ApiProblems;
import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.Refusal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One change made to a selection of tickets. Each ticket is changed in a transaction of its own, at the version it
 * has then, through the same rules as a change of one ticket, and its timeline records the change and that it came
 * from a bulk action; a ticket a rule keeps from the change (a status move the policy forbids, a closed ticket, a
 * ticket someone else holds) is left as it was with the reason, and the others are changed.
 */
@Service
public class BulkActions {

    /** The most tickets one bulk action takes. */
    public static final int MAX_TICKETS = 500;

    private final Tickets tickets;
    private final TicketRepository repository;
    private final People people;
    private final TransactionTemplate eachTicket;

    BulkActions(Tickets tickets, TicketRepository repository, People people, PlatformTransactionManager transactions) {
        this.tickets = tickets;
        this.repository = repository;
        this.people = people;
        this.eachTicket = new TransactionTemplate(transactions);
        this.eachTicket.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Applies the action to each ticket, in the order given, each id once. An empty or oversized selection and an
     * incomplete action are refused before anything is written. Only a supervisor assigns tickets to someone else;
     * others may take tickets to themselves, those held by another person excepted.
     */
    public BulkResult apply(List<Long> ids, BulkAction action, String actor, boolean supervisor) {
        var problems = new ArrayList<FieldProblem>();
        if (ids == null || ids.isEmpty()) {
            problems.add(FieldProblem.of("tickets", "problem.ticket.bulk-empty"));
        } else if (ids.stream().distinct().count() > MAX_TICKETS) {
            problems.add(FieldProblem.of("tickets", "problem.ticket.bulk-too-many", MAX_TICKETS));
        } else if (ids.stream().anyMatch(Objects::isNull)) {
            problems.add(FieldProblem.of("tickets", "problem.required"));
        }
        problems.addAll(problems(action));
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        String assignee = TicketRules.strip(action.assignee());
        if (action.kind() == BulkAction.Kind.ASSIGN && !supervisor && !assignee.equals(actor)) {
            throw new AccessDeniedException("only a supervisor assigns tickets to someone else");
        }
        var applied = new ArrayList<TicketId>();
        var unchanged = new ArrayList<TicketId>();
        var refused = new ArrayList<BulkResult.Refused>();
        for (long value : new LinkedHashSet<>(ids)) {
            TicketId id = TicketId.of(value);
            try {
                boolean changed = Boolean.TRUE.equals(eachTicket.execute(status ->
                        applyTo(id, action, assignee, actor, supervisor)));
                (changed ? applied : unchanged).add(id);
            } catch (Refusal e) {
                refused.add(new BulkResult.Refused(id, e.problems().get(0)));
            }
        }
        return new BulkResult(applied, unchanged, refused);
    }

    /** Changes one ticket at the version it has now; true if that changed anything. */
    private boolean applyTo(TicketId id, BulkAction action, String assignee, String actor, boolean supervisor) {
        Ticket ticket = tickets.get(id).ticket();
        long version = ticket.version();
        Ticket after = switch (action.kind()) {
            case ASSIGN -> {
                if (!supervisor && ticket.assignee() != null && !ticket.assignee().equals(actor)) {
                    throw new Conflict("assignee", "problem.ticket.bulk-held-by-other",
                            id.value(), ticket.assignee());
                }
                yield tickets.reassign(id, version, assignee, actor).ticket();
            }
            case STATUS -> tickets.changeStatus(id, version, action.status(), actor).ticket();
            case PRIORITY -> tickets.change(id, version, new TicketChange(action.priority(), null, null), actor)
                    .ticket();
            case TAGS -> {
                var tags = new ArrayList<>(ticket.tags());
                action.tags().stream().filter(tag -> tag != null && !tag.isBlank()).map(String::strip)
                        .filter(tag -> !tags.contains(tag)).forEach(tags::add);
                yield tickets.change(id, version, new TicketChange(null, null, tags), actor).ticket();
            }
        };
        if (after.version() == version) {
            return false;
        }
        repository.record(id, List.of(TimelineEntry.of(after.updatedAt(), actor, "ticket.timeline.bulk-action",
                action.kind())));
        return true;
    }

    private List<FieldProblem> problems(BulkAction action) {
        var problems = new ArrayList<FieldProblem>();
        if (action == null || action.kind() == null) {
            problems.add(FieldProblem.of("action", "problem.required"));
            return problems;
        }
        switch (action.kind()) {
            case ASSIGN -> {
                String assignee = TicketRules.strip(action.assignee());
                if (assignee == null) {
                    problems.add(FieldProblem.of("assignee", "problem.required"));
                } else if (people.profile(assignee).filter(profile -> profile.account().enabled()
                        && profile.account().role().worksTickets()).isEmpty()) {
                    problems.add(FieldProblem.of("assignee", "problem.ticket.bulk-unknown-assignee",
                            ApiProblems.echo(assignee)));
                }
            }
            case STATUS -> required("status", action.status(), problems);
            case PRIORITY -> required("priority", action.priority(), problems);
            case TAGS -> {
                if (action.tags() == null || action.tags().stream().allMatch(tag -> tag == null || tag.isBlank())) {
                    problems.add(FieldProblem.of("tags", "problem.required"));
                } else {
                    problems.addAll(TicketRules.problems(new TicketChange(null, null,
                            action.tags().stream().filter(tag -> tag != null && !tag.isBlank()).toList())));
                }
            }
        }
        return problems;
    }

    private static void required(String field, Object value, List<FieldProblem> problems) {
        if (value == null) {
            problems.add(FieldProblem.of(field, "problem.required"));
        }
    }
}
