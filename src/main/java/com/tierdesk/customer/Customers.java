package com.tierdesk.customer;

import com.tierdesk.customer.internal.ActivityFiguresStore;
import com.tierdesk.customer.internal.CustomerRefs;
import com.tierdesk.customer.internal.CustomerRepository;
import com.tierdesk.customer.internal.CustomerSelections;
import com.tierdesk.shared.ApiProblems;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.NotFound;
import java.util.ArrayList;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customers of the data hub: create, update, idempotent upsert by code, search and tags.
 * Every write checks all fields first and writes nothing if one is refused.
 */
@Service
@Transactional(readOnly = true)
public class Customers {

    private final CustomerRepository repository;
    private final CustomerSelections selections;
    private final CustomerRefs refs;
    private final ActivityFiguresStore activity;
    private final BusinessTime time;

    Customers(CustomerRepository repository, CustomerSelections selections, CustomerRefs refs,
            ActivityFiguresStore activity, BusinessTime time) {
        this.repository = repository;
        this.selections = selections;
        this.refs = refs;
        this.activity = activity;
        this.time = time;
    }

    /** Creates a new customer; a customer with the same code is a conflict. */
    @Transactional
    public Customer create(CustomerDraft draft) {
        CustomerDraft customer = DraftRules.customer(draft, time.today());
        if (repository.idOf(customer.code()).isPresent()) {
            throw duplicate(customer.code());
        }
        return repository.findById(insert(customer)).orElseThrow();
    }

    /**
     * Replaces the customer's data if nobody changed it since the caller read {@code expectedVersion}.
     * The code cannot change; a draft without a code takes this one.
     */
    @Transactional
    public Customer update(String code, long expectedVersion, CustomerDraft draft) {
        if (draft.code() != null && !draft.code().equals(code)) {
            throw InvalidInput.of("code", "problem.customer.code-fixed", ApiProblems.echo(code));
        }
        CustomerDraft customer = DraftRules.customer(draft.withCode(code), time.today());
        Customer existing = get(code);
        if (existing.version() != expectedVersion) {
            throw changedSince(code, expectedVersion);
        }
        if (unchanged(existing, customer)) {
            return existing;
        }
        if (!repository.update(existing.id().value(), expectedVersion, customer, time.now())) {
            throw changedSince(code, expectedVersion);
        }
        activity.markStale(existing.id().value());
        return repository.findById(existing.id().value()).orElseThrow();
    }

    /** Creates or updates the customer with the draft's code; writing the same data again changes nothing. */
    @Transactional
    public Upserted<Customer> upsert(CustomerDraft draft) {
        CustomerDraft customer = DraftRules.customer(draft, time.today());
        Optional<Customer> existing = repository.findByCode(customer.code());
        if (existing.isEmpty()) {
            return new Upserted<>(repository.findById(insert(customer)).orElseThrow(), Upserted.Outcome.CREATED);
        }
        Customer current = existing.get();
        if (unchanged(current, customer)) {
            return new Upserted<>(current, Upserted.Outcome.UNCHANGED);
        }
        if (!repository.update(current.id().value(), current.version(), customer, time.now())) {
            throw changedSince(customer.code(), current.version());
        }
        activity.markStale(current.id().value());
        return new Upserted<>(repository.findById(current.id().value()).orElseThrow(), Upserted.Outcome.UPDATED);
    }

    /** The customer with this code; none for a code no customer can have. */
    public Optional<Customer> find(String code) {
        return FieldRules.code(code).isPresent() ? Optional.empty() : repository.findByCode(code);
    }

    public Optional<Customer> find(CustomerId id) {
        return repository.findById(id.value());
    }

    /** The customer whose contact email this is, case ignored; the earliest registered when several share it. */
    public Optional<Customer> findByEmail(String email) {
        return email == null || email.isBlank() ? Optional.empty() : repository.findByEmail(email.strip());
    }

    /** The customer with this code; an unknown code is {@link NotFound}. */
    public Customer get(String code) {
        return find(code).orElseThrow(() -> unknown(code));
    }

    public Paged<Customer> search(CustomerSearch search) {
        return repository.search(search, lapsedBefore());
    }

    /**
     * Every customer the search matches, all pages, in its order, handed to {@code each} as they are read from the
     * database (never all held at once).
     */
    public void export(CustomerSearch search, Consumer<CustomerLine> each) {
        repository.export(search, lapsedBefore(), each);
    }

    /** Each customer's current tier, last paid order and churn risk; a customer unknown here stands nowhere. */
    public Map<CustomerId, CustomerStanding> standing(Collection<CustomerId> ids) {
        Instant lapsedBefore = lapsedBefore();
        Map<CustomerId, CustomerStanding> standing = new HashMap<>();
        repository.standing(ids).forEach((id, row) -> standing.put(id, new CustomerStanding(row.tier(), row.lastPaidAt(),
                row.lastPaidAt() != null && row.lastPaidAt().isBefore(lapsedBefore))));
        ids.forEach(id -> standing.putIfAbsent(id, CustomerStanding.UNKNOWN));
        return standing;
    }

    /** The owner's customers by current tier, and how many of them are at risk of churning. */
    public Portfolio portfolio(String owner) {
        return repository.portfolio(owner, lapsedBefore());
    }

    /** Customers whose last paid order was before this instant are at risk of churning. */
    private Instant lapsedBefore() {
        return time.startOf(time.today().minusDays(CustomerSearch.CHURN_RISK_DAYS - 1L));
    }

    public long count() {
        return repository.count();
    }

    /** The ids of the selected customers, ascending. */
    public long[] ids(CustomerSelection selection) {
        return selections.ids(selection);
    }

    /** Code, name and owner of each of the customers that exists. */
    public Map<CustomerId, CustomerRef> refs(Collection<CustomerId> ids) {
        return refs.of(ids);
    }

    /** Adds the tags the customer does not have yet. */
    @Transactional
    public Customer addTags(String code, Collection<String> tags) {
        List<String> valid = DraftRules.tags(new ArrayList<>(tags), "tags");
        Customer customer = get(code);
        List<String> added = new ArrayList<>(valid);
        added.removeAll(customer.tags());
        if (added.isEmpty()) {
            return customer;
        }
        repository.insertTags(customer.id().value(), added);
        repository.touch(customer.id().value(), time.now());
        return repository.findById(customer.id().value()).orElseThrow();
    }

    /** Removes the tag if the customer has it. */
    @Transactional
    public Customer removeTag(String code, String tag) {
        FieldRules.tag(tag).ifPresent(reason -> {
            throw InvalidInput.of("tag", reason);
        });
        Customer customer = get(code);
        if (!repository.deleteTag(customer.id().value(), tag)) {
            return customer;
        }
        repository.touch(customer.id().value(), time.now());
        return repository.findById(customer.id().value()).orElseThrow();
    }

    private long insert(CustomerDraft customer) {
        try {
            long id = repository.insert(customer, time.now());
            activity.markStale(id);
            return id;
        } catch (DuplicateKeyException e) {
            throw duplicate(customer.code());
        }
    }

    private static boolean unchanged(Customer c, CustomerDraft d) {
        return c.name().equals(d.name()) && c.kind() == d.kind() && Objects.equals(c.industry(), d.industry())
                && Objects.equals(c.contactPerson(), d.contactPerson()) && Objects.equals(c.phone(), d.phone())
                && Objects.equals(c.email(), d.email()) && Objects.equals(c.region(), d.region())
                && Objects.equals(c.birthday(), d.birthday()) && Objects.equals(c.registeredOn(), d.registeredOn())
                && Objects.equals(c.membershipExpiresOn(), d.membershipExpiresOn())
                && Objects.equals(c.owner(), d.owner()) && c.consent().equals(d.consent())
                && (d.tags() == null || c.tags().equals(d.tags()));
    }

    private static NotFound unknown(String code) {
        return new NotFound("code", "problem.no-customer", ApiProblems.echo(code));
    }

    private static Conflict duplicate(String code) {
        return new Conflict("code", "problem.customer.exists", code);
    }

    private static Conflict changedSince(String code, long version) {
        return new Conflict("version", "problem.customer.changed", code, version);
    }
}
