package com.tierdesk.tiering;

import com.tierdesk.customer.Customer;
import com.tierdesk.customer.CustomerId;
import com.tierdesk.customer.Customers;
import com.tierdesk.shared.ApiProblems;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.TextRules;
import com.tierdesk.tiering.TierOverride.Status;
import com.tierdesk.tiering.internal.TierOverrideRepository;
import com.tierdesk.tiering.internal.TierWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Manual overrides of a customer's tier (docs/tiering.md, Overrides). Each decision loads the override, lets it check
 * the transition and return the event, stores the change, moves the effective tier through the one tier writer, and
 * publishes the events, all in one transaction: the audit entry and the customer's own timeline follow from the
 * events. While an override is in force runs still assess the customer underneath; when it ends the assessed tier
 * applies again.
 */
@Service
@Transactional(readOnly = true)
public class TierOverrides {

    static final int LONGEST_DAYS = 366;
    /** The lengths of the reason and note columns. */
    static final int REASON_LENGTH = 1000;
    static final int NOTE_LENGTH = 1000;

    private final TierOverrideRepository repository;
    private final TierWriter writer;
    private final Customers customers;
    private final TierCatalog tiers;
    private final ApplicationEventPublisher events;
    private final BusinessTime time;

    TierOverrides(TierOverrideRepository repository, TierWriter writer, Customers customers, TierCatalog tiers,
            ApplicationEventPublisher events, BusinessTime time) {
        this.repository = repository;
        this.writer = writer;
        this.customers = customers;
        this.tiers = tiers;
        this.events = events;
        this.time = time;
    }

    /** Asks for a tier until a date (after today, within a year), with a reason; nothing is in force yet. */
    @Transactional
    public TierOverride request(String customerCode, String tier, String reason, LocalDate expiresOn, String requestedBy) {
        Customer customer = customers.get(customerCode);
        List<FieldProblem> problems = new ArrayList<>();
        if (tier == null || tiers.find(tier).isEmpty()) {
            problems.add(FieldProblem.of("tier", "problem.unknown-tier", ApiProblems.echo(tier), tiers.codes()));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(FieldProblem.of("reason", "problem.override.reason", REASON_LENGTH));
        } else {
            TextRules.line(reason, REASON_LENGTH).ifPresent(why -> problems.add(new FieldProblem("reason", why)));
        }
        LocalDate today = time.today();
        if (expiresOn == null || !expiresOn.isAfter(today) || expiresOn.isAfter(today.plusDays(LONGEST_DAYS))) {
            problems.add(FieldProblem.of("expiresOn", "problem.override.expiry", today, LONGEST_DAYS));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        repository.open(customer.id()).ifPresent(open -> {
            throw new Conflict("customer", "problem.override.open", customerCode, open.id(), open.status());
        });
        TierOverride stored = repository.insert(TierOverride.request(customer.id(), customer.code(), tier, reason.strip(),
                expiresOn, requestedBy, time.now()));
        events.publishEvent(stored.requested());
        return stored;
    }

    /** Puts a requested override in force; the approver is never its requester. */
    @Transactional
    public TierOverride approve(long id, String approver, String note) {
        String checked = note(note, false);
        TierOverrideEvent.Approved approved = repository.lock(id).approve(approver, checked, time.today(), time.now());
        repository.save(approved);
        events.publishEvent(approved);
        writer.overrideInForce(id, approved.customerId(), approved.tier(), approved.at(), approved.note())
                .ifPresent(events::publishEvent);
        return repository.get(id);
    }

    /** Refuses a requested override, with a reason. */
    @Transactional
    public TierOverride reject(long id, String supervisor, String note) {
        String checked = note(note, true);
        TierOverrideEvent.Rejected rejected = repository.lock(id).reject(supervisor, checked, time.now());
        repository.save(rejected);
        events.publishEvent(rejected);
        return repository.get(id);
    }

    /** Ends an override in force before it expires; the assessed tier applies again. */
    @Transactional
    public TierOverride revoke(long id, String by, String note) {
        String checked = note(note, false);
        TierOverrideEvent.Revoked revoked = repository.lock(id).revoke(by, checked, time.now());
        repository.save(revoked);
        events.publishEvent(revoked);
        writer.overrideEnded(id, revoked.customerId(), revoked.at(), revoked.note()).ifPresent(events::publishEvent);
        return repository.get(id);
    }

    /** Ends the overrides in force whose expiry date has come; run daily. @return how many ended */
    @Transactional
    public int expire(LocalDate today) {
        Instant now = time.now();
        List<TierOverride> due = repository.lockDue(today);
        for (TierOverride override : due) {
            TierOverrideEvent.Expired expired = override.expire(today, now);
            repository.save(expired);
            events.publishEvent(expired);
            writer.overrideEnded(override.id(), expired.customerId(), now, null).ifPresent(events::publishEvent);
        }
        return due.size();
    }

    public TierOverride get(long id) {
        return repository.get(id);
    }

    /** Overrides with the status (any when {@code null}), newest first: two queries however many are listed. */
    public List<TierOverride> list(Status status, int limit) {
        return repository.list(status, limit);
    }

    public List<TierOverride> ofCustomer(CustomerId customer) {
        return repository.ofCustomer(customer);
    }

    /** A decision's note: one line or several, within its column; a rejection must give one. */
    private static String note(String note, boolean required) {
        if (required && (note == null || note.isBlank())) {
            throw InvalidInput.of("note", "problem.rejection-needs-reason");
        }
        TextRules.multiline(note, NOTE_LENGTH).ifPresent(why -> {
            throw InvalidInput.of("note", why);
        });
        return note == null || note.isBlank() ? null : note.strip();
    }
}
