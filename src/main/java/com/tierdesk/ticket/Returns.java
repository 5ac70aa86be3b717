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
import com.tierdesk.shared.ApiProblems;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.NotFound;
import com.tierdesk.shared.Reason;
import com.tierdesk.shared.TextRules;
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
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Returns and exchanges (RMA). A request names a paid order's lines and quantities coming back and is accepted only
 * within the return window of the customer's tier (from the benefits catalogue, counted in business days from the
 * payment's date); it is decided within 24 hours of wall-clock time, then the goods are received and inspected, and
 * the return ends refunded (through the customer module, which lowers the customer's spend), exchanged or rejected
 * with a reason. Every step is on the return's timeline and emailed to the customer in their language.
 */
@Service
@Transactional(readOnly = true)
public class Returns {

    /** How long the decision on a request may take. */
    public static final Duration DECISION_WITHIN = Duration.ofHours(24);
    public static final int MAX_REASON_LENGTH = 1000;
    public static final int BOARD_SIZE = 500;
    private static final DateTimeFormatter DUE_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ReturnRepository repository;
    private final CustomerOrders orders;
    private final Customers customers;
    private final CustomerTiers tiers;
    private final Benefits benefits;
    private final OrderRefunds refunds;
    private final Notifications notifications;
    private final BusinessTime time;

    Returns(ReturnRepository repository, CustomerOrders orders, Customers customers, CustomerTiers tiers,
            Benefits benefits, OrderRefunds refunds, Notifications notifications, BusinessTime time) {
        this.repository = repository;
        this.orders = orders;
        this.customers = customers;
        this.tiers = tiers;
        this.benefits = benefits;
        this.refunds = refunds;
        this.notifications = notifications;
        this.time = time;
    }

    /** Records the request; 422 with every problem (an order outside its tier's return window names the window). */
    @Transactional
    public ReturnRequest request(ReturnDraft draft, String by) {
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
        checkWindow(order, benefit, problems);
        List<ReturnLine> lines = lines(order, draft.lines(), problems);
        Customer customer = customers.find(order.customerId()).orElseThrow();
        String email = draft.email() != null ? draft.email().strip() : customer.email();
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Instant now = time.now();
        var request = new ReturnRequest(0, order.externalId(), customer.code(), tier, draft.kind(), draft.reason().strip(),
                ReturnStatus.REQUESTED, email, draft.language() == null ? "zh" : draft.language(), now, by,
                now.plus(DECISION_WITHIN), benefit.returnWindowDays(), benefit.freeReturnShipping(), null, null, lines,
                List.of());
        long id = repository.insert(request);
        repository.addStep(id, new ReturnStep(now, by, ReturnStatus.REQUESTED, null));
        ReturnRequest stored = get(id);
        notifyCustomer(stored, ReturnStatus.REQUESTED);
        return stored;
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

    @Transactional
    public ReturnRequest approve(long id, String by) {
        return move(id, ReturnStatus.APPROVED, null, null, by);
    }

    /** Rejects a request, or the goods after inspection; the reason is required. */
    @Transactional
    public ReturnRequest reject(long id, String reason, String by) {
        TextRules.requiredLine(reason, MAX_REASON_LENGTH).ifPresent(r -> {
            throw InvalidInput.of("reason", r);
        });
        return move(id, ReturnStatus.REJECTED, null, reason.strip(), by);
    }

    @Transactional
    public ReturnRequest receive(long id, String by) {
        return move(id, ReturnStatus.RECEIVED, null, null, by);
    }

    @Transactional
    public ReturnRequest inspect(long id, String note, String by) {
        return move(id, ReturnStatus.INSPECTED, null, blankToNull(note), by);
    }

    /**
     * Refunds an inspected return: the given amount, or what its lines cost, recorded on the order by the customer
     * module (never more than was paid and not refunded yet) in the same transaction.
     */
    @Transactional
    public ReturnRequest refund(long id, BigDecimal amount, String note, String by) {
        ReturnRequest request = locked(id, ReturnStatus.REFUNDED);
        BigDecimal refund = amount == null ? request.linesAmount() : amount;
        String why = blankToNull(note) != null ? note.strip() : "RMA " + id + ": " + request.reason();
        refunds.refund(request.orderExternalId(), new RefundDraft(refund, truncate(why), null), by);
        return moved(request, ReturnStatus.REFUNDED, refund.setScale(2, RoundingMode.UNNECESSARY), blankToNull(note), by);
    }

    @Transactional
    public ReturnRequest exchange(long id, String note, String by) {
        return move(id, ReturnStatus.EXCHANGED, null, blankToNull(note), by);
    }

    private ReturnRequest move(long id, ReturnStatus to, BigDecimal refund, String note, String by) {
        return moved(locked(id, to), to, refund, note, by);
    }

    private ReturnRequest locked(long id, ReturnStatus to) {
        ReturnStatus from = repository.lock(id).orElseThrow(() -> new NotFound("id", "problem.return.none", id));
        if (!from.next().contains(to)) {
            throw new Conflict("status", "problem.return.transition", Reason.of("return.status." + from),
                    Reason.of("return.status." + to));
        }
        return get(id);
    }

    private ReturnRequest moved(ReturnRequest request, ReturnStatus to, BigDecimal refund, String note, String by) {
        repository.move(request.id(), to, refund, note);
        repository.addStep(request.id(), new ReturnStep(time.now(), by, to, note));
        ReturnRequest after = get(request.id());
        notifyCustomer(after, to);
        return after;
    }

    private void checkWindow(CustomerOrder order, TierBenefit benefit, List<FieldProblem> problems) {
        if (order.paidAt() == null || order.paidMonth() == null) {
            problems.add(new FieldProblem("orderExternalId", Reason.of("problem.return.not-paid", order.externalId())));
            return;
        }
        LocalDate lastDay = time.dateOf(order.paidAt()).plusDays(benefit.returnWindowDays());
        if (time.today().isAfter(lastDay)) {
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

    private static String truncate(String text) {
        return text.length() <= OrderRefunds.MAX_REASON_LENGTH ? text : text.substring(0, OrderRefunds.MAX_REASON_LENGTH);
    }
}
