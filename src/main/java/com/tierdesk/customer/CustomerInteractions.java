package com.tierdesk.customer;

import com.tierdesk.customer.internal.ActivityFiguresStore;
import com.tierdesk.customer.internal.CustomerRepository;
import com.tierdesk.customer.internal.InteractionRepository;
import com.tierdesk.shared.ApiProblems;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.NotFound;
import com.tierdesk.shared.TextRules;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Customers' interactions (inquiries, complaints, referrals, product usage...), written by external id. */
@Service
@Transactional(readOnly = true)
public class CustomerInteractions {

    private final InteractionRepository interactions;
    private final CustomerRepository customers;
    private final ActivityFiguresStore activity;
    private final BusinessTime time;

    CustomerInteractions(InteractionRepository interactions, CustomerRepository customers, ActivityFiguresStore activity,
            BusinessTime time) {
        this.interactions = interactions;
        this.customers = customers;
        this.activity = activity;
        this.time = time;
    }

    /** Creates or updates the interaction with the draft's external id; writing the same data again changes nothing. */
    @Transactional
    public Upserted<Interaction> upsert(InteractionDraft draft) {
        InteractionDraft interaction = DraftRules.interaction(draft);
        long customerId = customers.idOf(interaction.customerCode()).orElseThrow(
                () -> InvalidInput.of("customerCode", "problem.no-customer-code", interaction.customerCode()));
        Optional<Interaction> existing = interactions.findByExternalId(interaction.externalId());
        Upserted.Outcome outcome;
        if (existing.isEmpty()) {
            try {
                interactions.insert(interaction, customerId);
            } catch (DuplicateKeyException e) {
                throw new Conflict("externalId", "problem.interaction.concurrent", interaction.externalId());
            }
            activity.recordsChanged(customerId);
            queueForOccurrence(interaction, customerId);
            outcome = Upserted.Outcome.CREATED;
        } else if (existing.get().equals(stored(interaction, customerId))) {
            return new Upserted<>(existing.get(), Upserted.Outcome.UNCHANGED);
        } else {
            interactions.update(interaction, customerId);
            activity.recordsChanged(customerId, existing.get().customerId().value());
            queueForOccurrence(interaction, customerId);
            outcome = Upserted.Outcome.UPDATED;
        }
        return new Upserted<>(interactions.findByExternalId(interaction.externalId()).orElseThrow(), outcome);
    }

    /** An interaction dated in the future counts from that instant on: the customer's figures change then. */
    private void queueForOccurrence(InteractionDraft interaction, long customerId) {
        if (interaction.occurredAt().isAfter(time.now())) {
            activity.markStaleFrom(customerId, interaction.occurredAt());
        }
    }

    /** The interaction with this external id; none for an id no interaction can have. */
    public Optional<Interaction> find(String externalId) {
        return TextRules.requiredLine(externalId, FieldRules.MAX_CODE_LENGTH).isPresent() ? Optional.empty()
                : interactions.findByExternalId(externalId);
    }

    public Interaction get(String externalId) {
        return find(externalId).orElseThrow(() -> new NotFound("externalId", "problem.no-interaction", ApiProblems.echo(externalId)));
    }

    /** The customer's interactions, the latest first. */
    public Paged<Interaction> ofCustomer(String customerCode, PageSpec page) {
        long customerId = (FieldRules.code(customerCode).isPresent() ? OptionalLong.empty() : customers.idOf(customerCode))
                .orElseThrow(() -> new NotFound("code", "problem.no-customer", ApiProblems.echo(customerCode)));
        return interactions.ofCustomer(customerId, page);
    }

    private static Interaction stored(InteractionDraft d, long customerId) {
        return new Interaction(d.externalId(), CustomerId.of(customerId), d.customerCode(), d.kind(), d.occurredAt(),
                d.channel(), d.subject(), d.detail(), d.product(), d.usageHours(), d.featureActivationRate(),
                d.referredCustomerCode());
    }
}
