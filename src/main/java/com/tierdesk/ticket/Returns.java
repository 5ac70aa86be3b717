package com.tierdesk.ticket;

import com.tierdesk.customer.Customer;
import com.tierdesk.customer.CustomerOrder;
import com.tierdesk.customer.CustomerOrders;
import com.tierdesk.customer.Customers;
import com.tierdesk.customer.OrderLine;
import com.tierdesk.customer.OrderRefunds;
import com.tierdesk.customer.RefundDraft;
import com.tierdesk.notification.NotificationDraft;
import com.tierdesk.notification.Notifications;
import com.tierdesk.security.People;
import com.tierdesk.shared.ApiProblems;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.NotFound;
import com.tierdesk.shared.Reason;
import com.tierdesk.shared.TextRules;
import com.tierdesk.sla.Priority;
import com.tierdesk.sla.SlaTarget;
import com.tierdesk.sla.TicketType;
import com.tierdesk.tiering.Benefits;
import com.tierdesk.tiering.CurrentTier;
import com.tierdesk.tiering.CustomerTiers;
import com.tierdesk.tiering.TierBenefit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Returns and exchanges (RMA). A request names a paid order's lines and quantities coming back and is accepted only
 * within the return window of the customer's tier (from the benefits catalogue, counted in business days from the
 * payment's date). It is a ticket of type return/exchange for the order's customer, opened in the request's
 * transaction (or the ticket it was made from), so that its decision is the ticket's RETURN_DECISION target (24
 * calendar hours in the shipped policy), watched and escalated like any other. Then the goods are received and
 * inspected, and the return ends refunded (through the customer module, which lowers the customer's spend), exchanged
 * or rejected with a reason. Every step is on the return's timeline and the ticket's, and emailed to the customer in
 * their language.
 */
@Service
@Transactional(readOnly = true)
public class Returns {

    /** How long the decision on a request takes when the ticket's policy gives no return-decision target. */
    public static final Duration DECISION_WITHIN = Duration.ofHours(24);
    public static final int MAX_REASON_LENGTH = 1000;
    public static final int BOARD_SIZE = 500;
    /** The tag of every return's ticket, beside the kind's ({@code return}, {@code exchange}). */
    public static final String TAG = "rma";
    private static final int SUBJECT_REASON_LENGTH = 120;
    private static final int REQUESTER_NAME_LENGTH = 100;
    private static final DateTimeFormatter DUE_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ReturnRepository repository;
    private final Tickets tickets;
    private final People people;
    private final CustomerOrders orders;
    private final Customers customers;
    private final CustomerTiers tiers;
    private final Benefits benefits;
    private final OrderRefunds refunds;
    private final Notifications notifications;
    private final BusinessTime time;

    Returns(ReturnRepository repository, Tickets tickets, People people, CustomerOrders orders, Customers customers,
            CustomerTiers tiers, Benefits benefits, OrderRefunds refunds, Notifications notifications,
            BusinessTime time) {
        this.repository = repository;
        this.tickets = tickets;
        this.people = people;
        this.orders = orders;
        this.customers = customers;
        this.tiers = tiers;
        this.benefits = benefits;
        this.refunds = refunds;
        this.notifications = notifications;
        this.time = time;
    }

    /**
     * Records the request with its ticket: a new one taken in through the API, or the return/exchange ticket of the
     * order's customer it names. 422 with every problem (an order outside its tier's return window names the window);
     * 409 for a ticket that has a return already or whose decision is no longer owed.
     */
    @Transactional
    public ReturnRequest request(ReturnDraft draft, String by) {
        return request(draft, IntakeChannel.API, by, time.now());
    }

    /** Records the request as it came in at {@code now} on the channel, the new ticket opened by {@code by}. */
    ReturnRequest request(ReturnDraft draft, IntakeChannel channel, String by, Instant now) {
        var problems = new ArrayList<FieldProblem>();
        if (draft.kind() == null) {
            problems.add(new FieldProblem("kind", Reason.of("problem.required")));
        }
        TextRules.requiredLine(draft.reason(), MAX_REASON_LENGTH)
                .ifPresent(r -> problems.add(new FieldProblem("reason", r)));
        if (draft.email() != null) {
            TextRules.email(draft.email()).ifPresent(r -> problems.add(new FieldProblem("email", r)));
        }
        if (draft.language() != null && !List.of("zh", "en").contains(draft.language())) {
            problems.add(new FieldProblem("language", Reason.of("problem.return.language")));
        }
        CustomerOrder order = draft.orderExternalId() == null ? null : orders.find(draft.orderExternalId()).orElse(null);
        if (order == null) {
            problems.add(new FieldProblem("orderExternalId", Reason.of("problem.no-order",
                    ApiProblems.echo(draft.orderExternalId()))));
            throw new InvalidInput(problems);
        }
        String tier = tiers.current(order.customerId()).map(CurrentTier::tier).orElse(null);
        TierBenefit benefit = benefits.of(tier);
        checkWindow(order, benefit, time.dateOf(now), problems);
        List<ReturnLine> lines = lines(order, draft.lines(), problems);
        Customer customer = customers.find(order.customerId()).orElseThrow();
        TicketId madeFrom = draft.ticket() == null ? null : TicketId.of(draft.ticket());
        if (madeFrom != null) {
            checkTicket(madeFrom, customer, problems);
        }
        String email = draft.email() != null ? draft.email().strip() : customer.email();
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        String language = draft.language() == null ? "zh" : draft.language();
        var request = new ReturnRequest(0, null, order.externalId(), customer.code(), tier, draft.kind(),
                draft.reason().strip(), ReturnStatus.REQUESTED, email, language, now, by, now.plus(DECISION_WITHIN),
                benefit.returnWindowDays(), benefit.freeReturnShipping(), null, null, lines, List.of(), null);
        long id = repository.insert(request);
        TimelineEntry requested = TimelineEntry.of(now, by, "ticket.timeline.return.requested", id,
                order.externalId(), draft.kind());
        TicketDetail ticket = madeFrom == null
                ? tickets.create(ticketOf(request, id, customer, channel), null, by, now, List.of(requested)).ticket()
                : tickets.changeCurrent(madeFrom, current -> {
                    refusesTicket(current).ifPresent(reason -> {
                        throw new Conflict("ticket", reason.code(), reason.arguments().toArray());
                    });
                    return current.returnStep(requested, false);
                }, now);
        Instant due = ticket.targets().stream().filter(target -> target.target() == SlaTarget.RETURN_DECISION)
                .findFirst().map(TargetOutcome::due).orElse(request.decisionDueAt());
        repository.linkTicket(id, ticket.ticket().id(), due);
        repository.addStep(id, new ReturnStep(now, by, ReturnStatus.REQUESTED, null));
        ReturnRequest stored = get(id);
        notifyCustomer(stored, ReturnStatus.REQUESTED);
        return stored;
    }

    /** The return made on the ticket, if one was. */
    public Optional<ReturnRequest> onTicket(TicketId ticket) {
        return repository.onTicket(ticket).map(this::get);
    }

    public ReturnRequest get(long id) {
        return repository.find(id).orElseThrow(() -> new NotFound("id", "problem.return.none", id));
    }

    /** Returns in the given statuses (every status when none is given), the earliest decision deadline first. */
    public List<ReturnRequest> board(List<ReturnStatus> statuses) {
        return repository.board(statuses, BOARD_SIZE);
    }

    public Instant now() {
        return time.now();
    }

    /** Approves the request: the decision, which meets (or, late, misses) the ticket's return-decision target. */
    @Transactional
    public ReturnRequest approve(long id, String by) {
        return move(id, ReturnStatus.APPROVED, null, null, by, time.now());
    }

    /** Rejects a request (the decision), or the goods after inspection; the reason is required. */
    @Transactional
    public ReturnRequest reject(long id, String reason, String by) {
        return move(id, ReturnStatus.REJECTED, reason, null, by, time.now());
    }

    @Transactional
    public ReturnRequest receive(long id, String by) {
        return move(id, ReturnStatus.RECEIVED, null, null, by, time.now());
    }

    @Transactional
    public ReturnRequest inspect(long id, String note, String by) {
        return move(id, ReturnStatus.INSPECTED, note, null, by, time.now());
    }

    /**
     * Refunds an inspected return: the given amount, or what its lines cost, recorded on the order by the customer
     * module (never more than was paid and not refunded yet) in the same transaction.
     */
    @Transactional
    public ReturnRequest refund(long id, BigDecimal amount, String note, String by) {
        return move(id, ReturnStatus.REFUNDED, note, amount, by, time.now());
    }

    @Transactional
    public ReturnRequest exchange(long id, String note, String by) {
        return move(id, ReturnStatus.EXCHANGED, note, null, by, time.now());
    }

    /**
     * Moves the return to {@code to} at {@code at}: the note is a rejection's reason (required) or the step's note; the
     * amount is a refund's (default: what the lines cost).
     */
    ReturnRequest move(long id, ReturnStatus to, String note, BigDecimal amount, String by, Instant at) {
        if (to == ReturnStatus.REJECTED) {
            TextRules.requiredLine(note, MAX_REASON_LENGTH).ifPresent(r -> {
                throw InvalidInput.of("reason", r);
            });
        }
        ReturnRequest request = locked(id, to);
        BigDecimal refund = null;
        if (to == ReturnStatus.REFUNDED) {
            refund = amount == null ? request.linesAmount() : amount;
            String why = blankToNull(note) != null ? note.strip() : "RMA " + id + ": " + request.reason();
            refunds.refund(request.orderExternalId(), new RefundDraft(refund, truncate(why), null), by);
            refund = refund.setScale(2, RoundingMode.UNNECESSARY);
        }
        return moved(request, to, refund, blankToNull(note), by, at);
    }

    private ReturnRequest locked(long id, ReturnStatus to) {
        ReturnStatus from = repository.lock(id).orElseThrow(() -> new NotFound("id", "problem.return.none", id));
        if (!from.next().contains(to)) {
            throw new Conflict("status", "problem.return.transition", Reason.of("return.status." + from),
                    Reason.of("return.status." + to));
        }
        return get(id);
    }

    /**
     * Writes the step on the return and on its ticket's timeline; the decision on a request (approved or rejected from
     * requested) ends the ticket's return-decision target at that instant.
     */
    private ReturnRequest moved(ReturnRequest request, ReturnStatus to, BigDecimal refund, String note, String by,
            Instant at) {
        repository.move(request.id(), to, refund, note);
        repository.addStep(request.id(), new ReturnStep(at, by, to, note));
        if (request.ticket() != null) {
            TimelineEntry step = switch (to) {
                case REJECTED -> TimelineEntry.of(at, by, "ticket.timeline.return.rejected", request.id(), note);
                case REFUNDED -> TimelineEntry.of(at, by, "ticket.timeline.return.refunded", request.id(),
                        refund.toPlainString());
                default -> TimelineEntry.of(at, by, "ticket.timeline.return." + to.name().toLowerCase(Locale.ROOT),
                        request.id());
            };
            boolean decision = request.status() == ReturnStatus.REQUESTED;
            tickets.changeCurrent(request.ticket(), ticket -> ticket.returnStep(step, decision), at);
        }
        ReturnRequest after = get(request.id());
        notifyCustomer(after, to);
        return after;
    }

    /**
     * The ticket a return is made from: the order's customer's, of type return/exchange, so that it has the
     * return-decision target; the rest is checked under its lock ({@link #refusesTicket}).
     */
    private void checkTicket(TicketId id, Customer customer, List<FieldProblem> problems) {
        Optional<Ticket> ticket = tickets.find(id);
        if (ticket.isEmpty()) {
            problems.add(new FieldProblem("ticket", Reason.of("problem.return.ticket.unknown", id.value())));
        } else if (!ticket.get().customerId().equals(customer.id())) {
            problems.add(new FieldProblem("ticket", Reason.of("problem.return.ticket.other-customer", id.value(),
                    ticket.get().customerCode(), customer.code())));
        } else if (ticket.get().type() != TicketType.RETURN_EXCHANGE) {
            problems.add(new FieldProblem("ticket", Reason.of("problem.return.ticket.type", id.value(),
                    Reason.of("sla.type." + ticket.get().type()))));
        }
    }

    /**
     * Why a return cannot be made from the ticket, locked: it has one already (its decision target is that return's),
     * or its return decision is no longer owed (decided, or the ticket solved or closed).
     */
    private Optional<Reason> refusesTicket(Ticket ticket) {
        Optional<Long> made = repository.onTicket(ticket.id());
        if (made.isPresent()) {
            return Optional.of(Reason.of("problem.return.ticket.has-return", ticket.id().value(), made.get()));
        }
        boolean owed = tickets.get(ticket.id()).targets().stream()
                .anyMatch(target -> target.target() == SlaTarget.RETURN_DECISION && target.running());
        return owed ? Optional.empty()
                : Optional.of(Reason.of("problem.return.ticket.decision-ended", ticket.id().value()));
    }

    /**
     * The ticket a request opens: of type return/exchange for the order's customer, who asked, in the request's
     * language when the desk speaks it; the reason is the customer's first message, assigned by the usual rules.
     */
    private TicketDraft ticketOf(ReturnRequest request, long id, Customer customer, IntakeChannel channel) {
        String name = customer.contactPerson() != null ? customer.contactPerson() : customer.name();
        String language = people.languages().contains(request.language()) ? request.language() : null;
        var requester = new Requester(cut(name, REQUESTER_NAME_LENGTH), request.email(), customer.phone(), language);
        String subject = "RMA-" + id + " · " + request.orderExternalId() + " · "
                + cut(request.reason(), SUBJECT_REASON_LENGTH);
        return new TicketDraft(channel, customer.code(), requester, subject, TicketType.RETURN_EXCHANGE,
                Priority.NORMAL, request.reason(), List.of(TAG, request.kind().name().toLowerCase(Locale.ROOT)),
                List.of(), null);
    }

    private void checkWindow(CustomerOrder order, TierBenefit benefit, LocalDate today, List<FieldProblem> problems) {
        if (order.paidAt() == null || order.paidMonth() == null) {
            problems.add(new FieldProblem("orderExternalId", Reason.of("problem.return.not-paid", order.externalId())));
            return;
        }
        LocalDate lastDay = time.dateOf(order.paidAt()).plusDays(benefit.returnWindowDays());
        if (today.isAfter(lastDay)) {
            problems.add(new FieldProblem("orderExternalId", Reason.of("problem.return.outside-window",
                    benefit.returnWindowDays(), lastDay.toString())));
        }
    }

    private List<ReturnLine> lines(CustomerOrder order, List<ReturnDraft.LineDraft> wanted, List<FieldProblem> problems) {
        if (wanted == null || wanted.isEmpty()) {
            problems.add(new FieldProblem("lines", Reason.of("problem.return.no-lines")));
            return List.of();
        }
        Map<Integer, Integer> claimed = repository.quantitiesClaimed(order.externalId());
        Set<Integer> seen = new HashSet<>();
        var lines = new ArrayList<ReturnLine>();
        for (int i = 0; i < wanted.size(); i++) {
            ReturnDraft.LineDraft line = wanted.get(i);
            String at = "lines[" + i + "]";
            OrderLine ordered = line == null || line.lineNo() == null ? null : order.lines().stream()
                    .filter(l -> l.lineNo() == line.lineNo()).findFirst().orElse(null);
            if (ordered == null) {
                problems.add(new FieldProblem(at + ".lineNo", Reason.of("problem.return.no-line",
                        line == null ? "" : String.valueOf(line.lineNo()), order.externalId())));
                continue;
            }
            if (!seen.add(ordered.lineNo())) {
                problems.add(new FieldProblem(at + ".lineNo", Reason.of("problem.return.line-twice", ordered.lineNo())));
                continue;
            }
            int left = ordered.quantity() - claimed.getOrDefault(ordered.lineNo(), 0);
            if (line.quantity() == null || line.quantity() < 1 || line.quantity() > left) {
                problems.add(new FieldProblem(at + ".quantity", Reason.of("problem.return.quantity", left)));
                continue;
            }
            BigDecimal amount = ordered.amount().multiply(BigDecimal.valueOf(line.quantity()))
                    .divide(BigDecimal.valueOf(ordered.quantity()), 2, RoundingMode.HALF_UP);
            lines.add(new ReturnLine(ordered.lineNo(), ordered.productCode(), ordered.productName(), line.quantity(),
                    amount));
        }
        return lines;
    }

    /** The customer's email of this step, in their language; a request without an address is not emailed. */
    private void notifyCustomer(ReturnRequest request, ReturnStatus status) {
        if (request.email() == null || request.email().isBlank()) {
            return;
        }
        Locale language = "en".equals(request.language()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        String template = "return.mail." + status.name().toLowerCase(Locale.ROOT)
                + (status == ReturnStatus.APPROVED && request.freeReturnShipping() ? "-free-shipping" : "");
        notifications.send(NotificationDraft.byEmail(request.email(), language, template, null, request.id(),
                request.orderExternalId(), request.outcomeNote() == null ? "" : request.outcomeNote(),
                request.refundAmount() == null ? "" : request.refundAmount().toPlainString(),
                DUE_FORMAT.format(time.local(request.decisionDueAt()))));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }

    private static String truncate(String text) {
        return text.length() <= OrderRefunds.MAX_REASON_LENGTH ? text : text.substring(0, OrderRefunds.MAX_REASON_LENGTH);
    }
}
