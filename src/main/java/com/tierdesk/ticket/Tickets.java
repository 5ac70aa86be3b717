package com.tierdesk.ticket;

import com.tierdesk.customer.Customer;
import com.tierdesk.customer.CustomerId;
import com.tierdesk.customer.Customers;
import com.tierdesk.customer.FieldRules;
import com.tierdesk.customer.Paged;
import com.tierdesk.security.AccountOffDuty;
import com.tierdesk.security.People;
import com.tierdesk.shared.ApiProblems;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.NotFound;
import com.tierdesk.sla.PolicyMatrix;
import com.tierdesk.sla.SlaPolicies;
import com.tierdesk.sla.SlaTrace;
import com.tierdesk.sla.TicketEvent;
import com.tierdesk.sla.TicketType;
import com.tierdesk.tiering.CurrentTier;
import com.tierdesk.tiering.CustomerTiers;
import com.tierdesk.tiering.TierChange;
import com.tierdesk.tiering.TierChanged;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tickets: idempotent intake, reading and listing, messages, status moves and changes of priority, type and tags.
 * Every change takes the version the caller read (a stale one is a {@link Conflict} naming the current version),
 * holds the ticket's row lock until it commits, records itself on the timeline, appends what matters to the SLA
 * clock to the ticket's history and stores every target's outcome from a replay of that history.
 */
@Service
@Transactional(readOnly = true)
public class Tickets {

    /** The code of the refusal of a change made on a version that is no longer the ticket's current one. */
    public static final String STALE_VERSION = "problem.ticket.changed";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final int CLOSING_BATCH = 500;

    private final TicketRepository repository;
    private final SlaOutcomes sla;
    private final SlaWatch watch;
    private final Customers customers;
    private final CustomerTiers tiers;
    private final SlaPolicies policies;
    private final TicketSettings settings;
    private final BusinessTime time;
    private final JsonMapper json;
    private final Assignment assignment;
    private final People people;
    private final ComplaintRecords complaints;
    private final ComplaintCallbacks callbacks;
    private final ReturnRepository returns;
    private final ApplicationEventPublisher events;
    private final FollowerRepository followers;

    Tickets(TicketRepository repository, SlaOutcomes sla, SlaWatch watch, Customers customers, CustomerTiers tiers,
            SlaPolicies policies, TicketSettings settings, BusinessTime time, JsonMapper json, Assignment assignment,
            People people, ComplaintRecords complaints, ComplaintCallbacks callbacks, ReturnRepository returns,
            ApplicationEventPublisher events, FollowerRepository followers) {
        this.repository = repository;
        this.returns = returns;
        this.followers = followers;
        this.events = events;
        this.complaints = complaints;
        this.callbacks = callbacks;
        this.assignment = assignment;
        this.people = people;
        this.sla = sla;
        this.watch = watch;
        this.customers = customers;
        this.tiers = tiers;
        this.policies = policies;
        this.settings = settings;
        this.time = time;
        this.json = json;
    }

    /** A ticket taken in: {@code created} false when an earlier request with the same key and body made it. */
    public record Intake(TicketDetail ticket, boolean created) {
    }

    /** A follower as the ticket now has it: {@code added} false when the address followed the ticket already. */
    public record FollowerAdded(Follower follower, boolean added) {
    }

    /** A message added; {@code followUp} is the new ticket a customer's message to a closed ticket opened. */
    public record MessageAdded(TicketDetail ticket, TicketDetail followUp) {
    }

    /**
     * Takes a ticket in. With an idempotency key, the key is stored in the same transaction as the ticket: the same
     * key again with the same request gives the ticket it made, with another request it is refused; of concurrent
     * first requests with one key, one makes the ticket and the others wait for it and get it. A ticket without an
     * assignee is given to someone by the assignment rules, or waits in the unassigned queue with the supervisors
     * alerted; a live chat notes whether an agent is available as it comes in.
     */
    @Transactional
    public Intake create(TicketDraft draft, String idempotencyKey, String actor) {
        return create(draft, idempotencyKey, actor, time.now());
    }

    /** Takes a ticket in as it came in at {@code now}: earlier for a ticket with a past ({@link PastTickets}). */
    Intake create(TicketDraft draft, String idempotencyKey, String actor, Instant now) {
        return create(draft, idempotencyKey, actor, now, List.of());
    }

    /**
     * Takes a ticket in at {@code now} with {@code opening}, what opened it (a return's request), on its timeline
     * after its creation.
     */
    Intake create(TicketDraft draft, String idempotencyKey, String actor, Instant now, List<TimelineEntry> opening) {
        return create(draft, idempotencyKey, null, actor, now, opening, false);
    }

    /**
     * @param requestHash what the idempotency key is claimed with; {@code null} for the draft's hash
     * @param historic    a ticket of another helpdesk's history: it gets the customer's tier and the SLA policy in
     *                    force at {@code now}, and an assignee only if it names one (no assignment rules, no alerts)
     */
    Intake create(TicketDraft draft, String idempotencyKey, String requestHash, String actor, Instant now,
            List<TimelineEntry> opening, boolean historic) {
        var problems = new ArrayList<FieldProblem>();
        if (idempotencyKey != null) {
            TicketRules.idempotencyKey(idempotencyKey)
                    .ifPresent(reason -> problems.add(new FieldProblem(IDEMPOTENCY_KEY, reason)));
        }
        problems.addAll(TicketRules.problems(draft, people.languages()));
        Customer customer = null;
        if (problems.stream().noneMatch(problem -> "customer".equals(problem.field()))) {
            customer = customers.find(draft.customer().strip()).orElse(null);
            if (customer == null) {
                problems.add(FieldProblem.of("customer", "problem.ticket.unknown-customer",
                        ApiProblems.echo(draft.customer().strip())));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        if (idempotencyKey != null) {
            String hash = requestHash != null ? requestHash : sha256(json.writeValueAsString(draft));
            if (!repository.claimKey(idempotencyKey, hash, now)) {
                TicketRepository.ClaimedKey claimed = repository.claimed(idempotencyKey);
                if (!claimed.requestHash().equals(hash)) {
                    throw InvalidInput.of(IDEMPOTENCY_KEY, "problem.ticket.idempotency-key-reused",
                            ApiProblems.echo(idempotencyKey));
                }
                return new Intake(get(claimed.ticket()), false);
            }
        }
        String tier = historic ? tierAt(customer.id(), now) : tierOf(customer.id());
        Requester requester = draft.requester().cleaned(settings.defaultLanguage());
        var timeline = new ArrayList<TimelineEntry>();
        timeline.add(TimelineEntry.of(now, actor, "ticket.timeline.created", draft.channel()));
        timeline.addAll(opening);
        String assignee = TicketRules.strip(draft.assignee());
        Assignment.Decision decision = null;
        if (assignee == null && !historic) {
            decision = assignment.decide(tier, draft.type(), requester.language(), customer.owner(), actor, now);
            assignee = decision.assignee();
            timeline.addAll(decision.timeline());
        } else if (assignee != null) {
            assignment.counted(assignee, now);
        }
        boolean agentsOnline = draft.channel() == IntakeChannel.CHAT && people.anyAgentAvailable();
        var ticket = new Ticket(null, customer.id(), customer.code(), draft.channel(), requester,
                draft.subject().strip(), draft.type(), draft.priority(), TicketStatus.NEW,
                draft.tags().stream().map(String::strip).toList(), draft.attachments(), assignee, tier,
                historic ? policyVersionAt(now) : policies.currentVersion(), null, now, now, null, 0, agentsOnline);
        TicketDetail opened = open(ticket, TicketRules.strip(draft.description()), timeline);
        TicketId id = opened.ticket().id();
        if (decision != null && decision.nobody()) {
            assignment.alertSupervisors(id, 0, customer.id(), draft.type(), now);
        }
        if (idempotencyKey != null) {
            repository.bindKey(idempotencyKey, id);
        }
        return new Intake(opened, true);
    }

    public TicketDetail get(TicketId id) {
        Ticket ticket = repository.find(id).orElseThrow(() -> unknown(id));
        return new TicketDetail(ticket, repository.messages(id), repository.targets(id), repository.timeline(id),
                ticket.type() == TicketType.COMPLAINT ? complaints.of(id) : null);
    }

    Optional<Ticket> find(TicketId id) {
        return repository.find(id);
    }

    /** Tickets by the filters, the one whose running target is due first first; those with none running last. */
    public Paged<Ticket> list(TicketSearch search) {
        return repository.search(search);
    }

    /**
     * A queue's page: open tickets by the filters, the one whose running target is due first first, and how many the
     * queue holds (up to {@link QueueCount#LIMIT}).
     */
    public QueuePage queue(QueueSearch search) {
        return repository.queue(search, time.now());
    }

    /** Every ticket the search matches, all pages, in the list's order, handed to {@code each} as read (no tags). */
    public void export(TicketSearch search, Consumer<Ticket> each) {
        repository.export(search, each);
    }

    /** Every open ticket of the queue, all pages, in the queue's order, handed to {@code each} as read (no tags). */
    public void exportQueue(QueueSearch search, Consumer<QueueEntry> each) {
        repository.exportQueue(search, time.now(), each);
    }

    /** How many open tickets the search finds (up to {@link QueueCount#LIMIT}), as a queue's count says. */
    public QueueCount count(QueueSearch search) {
        return repository.count(search, time.now());
    }

    /** For each of these tiers, how many open tickets are at risk now and how many breached (up to the limit). */
    public List<RiskCount> riskByTier(List<String> tiers) {
        return repository.riskByTier(tiers, time.now());
    }

    /** The replay of the ticket's SLA clocks as of now: each target's clock, pauses and the steps to its due. */
    public SlaTrace trace(TicketId id) {
        Ticket ticket = repository.find(id).orElseThrow(() -> unknown(id));
        return sla.trace(ticket, repository.clockHistory(id), time.now());
    }

    /** The ticket's history as the SLA clock reads it, oldest first. */
    public List<TicketEvent> clockHistory(TicketId id) {
        return repository.clockHistory(id);
    }

    /**
     * Adds a message to the version read. An agent's reply or note to a closed ticket is refused; a customer's
     * message to one opens a follow-up ticket linked to it, and both timelines say so.
     */
    @Transactional
    public MessageAdded addMessage(TicketId id, long expectedVersion, MessageDraft message, String actor) {
        return addMessage(id, expectedVersion, message, actor, time.now());
    }

    MessageAdded addMessage(TicketId id, long expectedVersion, MessageDraft message, String actor, Instant now) {
        List<FieldProblem> problems = TicketRules.problems(message);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Ticket ticket = locked(id, expectedVersion);
        String body = message.body().strip();
        if (ticket.status() == TicketStatus.CLOSED && message.kind() == MessageKind.CUSTOMER_MESSAGE) {
            return followUp(ticket, body, actor, now);
        }
        Ticket.Changed changed = ticket.add(message.kind(), actor, now);
        TicketMessage added = repository.addMessage(id, message.kind(), author(ticket, message.kind(), actor), body, now);
        save(changed, now);
        TicketDetail after = get(id);
        events.publishEvent(new TicketMessageAdded(after.ticket(), added));
        return new MessageAdded(after, null);
    }

    /** The addresses copied on the ticket's conversation besides its requester, in the order they were added. */
    public List<Follower> followers(TicketId id) {
        repository.find(id).orElseThrow(() -> unknown(id));
        return followers.of(id);
    }

    /**
     * Copies an address on the ticket's conversation from now on, recorded on the timeline. An address that follows
     * the ticket already, whatever its case, changes nothing; the requester's own address is refused (they get every
     * reply anyway), and so is a closed ticket.
     */
    @Transactional
    public FollowerAdded addFollower(TicketId id, FollowerDraft draft, String actor) {
        List<FieldProblem> problems = TicketRules.problems(draft);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Ticket ticket = changeable(id);
        String email = draft.email().strip();
        if (requesterIs(ticket, email)) {
            throw InvalidInput.of("email", "problem.ticket.follower-is-requester", ApiProblems.echo(email));
        }
        Instant now = time.now();
        var follower = new Follower(email, TicketRules.strip(draft.name()), FollowerSource.ACCOUNT, actor, now);
        if (!followers.add(id, follower)) {
            return new FollowerAdded(following(id, email).orElseThrow(), false);
        }
        repository.record(id, List.of(TimelineEntry.of(now, actor, "ticket.timeline.follower-added", email)));
        return new FollowerAdded(follower, true);
    }

    /**
     * Copies the addresses in CC of the customer's mail on the ticket's conversation, each new one recorded on the
     * timeline. The requester's own address, malformed ones and those that follow the ticket already are passed over:
     * a mail is taken in whatever its CC holds. Returns the followers added.
     */
    @Transactional
    public List<Follower> addFollowersFromMail(TicketId id, List<FollowerDraft> copied, String actor) {
        Ticket ticket = repository.lock(id).orElseThrow(() -> unknown(id));
        Instant now = time.now();
        var added = new ArrayList<Follower>();
        for (FollowerDraft draft : copied) {
            String email = TicketRules.strip(draft.email());
            if (email == null || FieldRules.email(email).isPresent() || requesterIs(ticket, email)) {
                continue;
            }
            String name = TicketRules.strip(draft.name());
            var follower = new Follower(email, name == null || name.length() <= TicketRules.MAX_FOLLOWER_NAME ? name
                    : name.substring(0, TicketRules.MAX_FOLLOWER_NAME), FollowerSource.MAIL_CC, null, now);
            if (followers.add(id, follower)) {
                added.add(follower);
            }
        }
        repository.record(id, added.stream()
                .map(follower -> TimelineEntry.of(now, actor, "ticket.timeline.follower-from-mail", follower.email()))
                .toList());
        return added;
    }

    /**
     * Stops copying an address (in whatever case it is given) on the ticket's conversation, recorded on the timeline;
     * an address that does not follow the ticket is {@link NotFound}, a closed ticket is refused.
     */
    @Transactional
    public void removeFollower(TicketId id, String email, String actor) {
        String given = TicketRules.strip(email);
        if (given == null) {
            throw InvalidInput.of("email", "problem.required");
        }
        changeable(id);
        Follower removed = following(id, given).orElseThrow(() ->
                new NotFound("email", "problem.ticket.no-follower", ApiProblems.echo(given), id.value()));
        followers.remove(id, given);
        repository.record(id, List.of(TimelineEntry.of(time.now(), actor, "ticket.timeline.follower-removed",
                removed.email())));
    }

    /** The accounts that follow the ticket on their console bell, by name. */
    public List<String> accountFollowers(TicketId id) {
        repository.find(id).orElseThrow(() -> unknown(id));
        return followers.accounts(id);
    }

    /**
     * Makes the account follow the ticket: it hears of a customer's message, of a public reply by someone else and of
     * a status change on its console bell. Following again changes nothing.
     */
    @Transactional
    public void follow(TicketId id, String account) {
        repository.find(id).orElseThrow(() -> unknown(id));
        followers.follow(id, account, time.now());
    }

    /** Stops the account following the ticket; nothing happens if it did not. */
    @Transactional
    public void unfollow(TicketId id, String account) {
        repository.find(id).orElseThrow(() -> unknown(id));
        followers.unfollow(id, account);
    }

    /** Moves the version read to another status, as {@link StatusPolicy} allows. */
    @Transactional
    public TicketDetail changeStatus(TicketId id, long expectedVersion, TicketStatus status, String actor) {
        return changeStatus(id, expectedVersion, status, actor, time.now());
    }

    TicketDetail changeStatus(TicketId id, long expectedVersion, TicketStatus status, String actor, Instant at) {
        if (status == null) {
            throw InvalidInput.of("status", "problem.required");
        }
        TicketDetail moved = change(id, expectedVersion, ticket -> ticket.moveTo(status, actor, at));
        if (status == TicketStatus.CLOSED) {
            callbacks.closed(List.of(id));
        }
        events.publishEvent(new TicketStatusChanged(moved.ticket(), actor));
        return moved;
    }

    /**
     * Changes the priority, type or tags of the version read; the same values again change nothing. A return's ticket
     * keeps its type, which gives it the return-decision target.
     */
    @Transactional
    public TicketDetail change(TicketId id, long expectedVersion, TicketChange change, String actor) {
        List<FieldProblem> problems = TicketRules.problems(change);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        TicketChange stripped = new TicketChange(change.priority(), change.type(),
                change.tags() == null ? null : change.tags().stream().map(String::strip).toList());
        return change(id, expectedVersion, ticket -> {
            if (stripped.type() != null && stripped.type() != ticket.type()) {
                returns.onTicket(id).ifPresent(rma -> {
                    throw new Conflict("type", "problem.ticket.return-keeps-type", rma);
                });
            }
            return ticket.change(stripped, actor, time.now());
        });
    }

    /** Hands the version read to another account (an account name), or to nobody when it is blank. */
    @Transactional
    public TicketDetail reassign(TicketId id, long expectedVersion, String assignee, String actor) {
        String stripped = TicketRules.strip(assignee);
        TicketRules.assignee(stripped).ifPresent(reason -> {
            throw new InvalidInput(List.of(new FieldProblem("assignee", reason)));
        });
        TicketDetail reassigned = change(id, expectedVersion, ticket -> ticket.reassign(stripped, actor, time.now()));
        if (stripped != null && reassigned.ticket().version() > expectedVersion) {
            assignment.counted(stripped, time.now());
        }
        return reassigned;
    }

    /**
     * Gives the version read to whoever the assignment rules pick now, each reason on the timeline; when nobody fits
     * it waits in the unassigned queue and the supervisors are alerted.
     */
    @Transactional
    public TicketDetail assignAutomatically(TicketId id, long expectedVersion, String actor) {
        Ticket ticket = locked(id, expectedVersion);
        if (ticket.status() == TicketStatus.CLOSED) {
            throw new Conflict("status", "problem.ticket.closed-takes-no-change", id.value());
        }
        Instant now = time.now();
        String owner = customers.find(ticket.customerId()).map(Customer::owner).orElse(null);
        Assignment.Decision decision = assignment.decide(ticket.tier(), ticket.type(), ticket.requester().language(),
                owner, actor, now);
        save(ticket.handedTo(decision.assignee(), decision.timeline(), now), now);
        if (decision.nobody()) {
            assignment.alertSupervisors(id, ticket.version() + 1, ticket.customerId(), ticket.type(), now);
        }
        return get(id);
    }

    /**
     * Hands a page of the open tickets (neither solved nor closed) of a person who went off duty back through the
     * assignment rules, each with the reason on its timeline first; a ticket nobody can take waits in the unassigned
     * queue and the supervisors are alerted. A person back on duty by now keeps their tickets. Returns how many
     * tickets it handed on: a full page means there may be more.
     */
    @Transactional
    int requeue(AccountOffDuty offDuty, int page) {
        boolean stillOff = people.profile(offDuty.username())
                .map(profile -> !profile.account().enabled() || !profile.account().role().worksTickets()).orElse(true);
        if (!stillOff) {
            return 0;
        }
        Instant now = time.now();
        List<TicketId> held = repository.lockOpenOf(offDuty.username(), page);
        for (TicketId id : held) {
            Ticket ticket = repository.find(id).orElseThrow();
            String owner = customers.find(ticket.customerId()).map(Customer::owner).orElse(null);
            var timeline = new ArrayList<TimelineEntry>();
            timeline.add(offDuty.cause() == AccountOffDuty.Cause.DISABLED
                    ? TimelineEntry.of(now, offDuty.by(), "ticket.timeline.requeued.disabled", offDuty.username())
                    : TimelineEntry.of(now, offDuty.by(), "ticket.timeline.requeued.role", offDuty.username(),
                            offDuty.role()));
            Assignment.Decision decision = assignment.decide(ticket.tier(), ticket.type(),
                    ticket.requester().language(), owner, offDuty.by(), now);
            timeline.addAll(decision.timeline());
            save(ticket.handedTo(decision.assignee(), timeline, now), now);
            if (decision.nobody()) {
                assignment.alertSupervisors(id, ticket.version() + 1, ticket.customerId(), ticket.type(), now);
            }
        }
        return held.size();
    }

    /**
     * Merges a duplicate into a target ticket of the same customer, both at the versions read: the duplicate's
     * messages are copied to the target with their times and authors (each naming the duplicate), its followers and
     * requester's address follow the target (each address once, never the target's requester), its tags are added,
     * and it is closed with a link to the target; both timelines say so.
     *
     * <p>The target keeps the SLA targets of the older request (created first; the lower id on a tie). When that is
     * the duplicate, the target takes over its clock history and policy version, followed by what brings the clocks
     * to the target's own state now (resumed, pending, its tier), and its stored outcomes and queue row are replayed
     * from that history under the target's type and priority. The duplicate's outcomes stay as they stood at the
     * merge, and it leaves the queues. Solved and closed tickets are neither merged nor merged into.
     */
    @Transactional
    public TicketDetail merge(TicketId duplicateId, long duplicateVersion, TicketId targetId, long targetVersion,
            String actor) {
        if (targetId == null) {
            throw InvalidInput.of("target", "problem.required");
        }
        if (duplicateId.equals(targetId)) {
            throw InvalidInput.of("target", "problem.ticket.merge-into-itself", targetId.value());
        }
        // Both rows are locked in id order, so that two merges of the same pair wait for each other.
        boolean duplicateFirst = duplicateId.value() < targetId.value();
        Ticket firstLocked = lockForMerge(duplicateFirst ? duplicateId : targetId, duplicateFirst);
        Ticket secondLocked = lockForMerge(duplicateFirst ? targetId : duplicateId, !duplicateFirst);
        Ticket duplicate = duplicateFirst ? firstLocked : secondLocked;
        Ticket target = duplicateFirst ? secondLocked : firstLocked;
        if (duplicate.version() != duplicateVersion) {
            throw stale(duplicate);
        }
        if (target.version() != targetVersion) {
            throw stale(target);
        }
        for (Ticket ticket : List.of(duplicate, target)) {
            if (!ticket.status().open()) {
                throw new Conflict("status", "problem.ticket.merge-not-open", ticket.id().value());
            }
        }
        if (!duplicate.customerId().equals(target.customerId())) {
            throw InvalidInput.of("target", "problem.ticket.merge-other-customer", targetId.value(),
                    target.customerCode(), duplicate.customerCode());
        }
        Instant now = time.now();
        int messages = repository.copyMessages(duplicateId, targetId);
        int followed = 0;
        var carried = new ArrayList<>(followers.of(duplicateId));
        if (duplicate.requester().email() != null) {
            carried.add(0, new Follower(duplicate.requester().email(), duplicate.requester().name(),
                    FollowerSource.ACCOUNT, actor, now));
        }
        for (Follower follower : carried) {
            if (!requesterIs(target, follower.email()) && followers.add(targetId, follower)) {
                followed++;
            }
        }
        followers.accounts(duplicateId).forEach(account -> followers.follow(targetId, account, now));
        var tags = new ArrayList<>(target.tags());
        duplicate.tags().stream().filter(tag -> !tags.contains(tag)).forEach(tags::add);
        boolean duplicateOlder = duplicate.createdAt().isBefore(target.createdAt())
                || duplicate.createdAt().equals(target.createdAt()) && duplicateFirst;
        var entries = new ArrayList<TimelineEntry>();
        entries.add(TimelineEntry.of(now, actor, "ticket.timeline.merged-from", duplicateId.value(), messages, followed,
                String.join(", ", duplicate.tags())));
        entries.add(TimelineEntry.of(now, actor, "ticket.timeline.merge-sla",
                (duplicateOlder ? duplicateId : targetId).value()));
        if (duplicateOlder) {
            var history = new ArrayList<>(repository.clockHistory(duplicateId));
            history.addAll(reconciled(history, duplicate.status(), target, now));
            repository.replaceClockHistory(targetId, history);
            repository.changePolicyVersion(targetId, duplicate.policyVersion());
        }
        save(target.merged(tags, duplicateOlder ? duplicate.policyVersion() : target.policyVersion(), entries, now),
                now);
        Ticket.Changed closed = duplicate.mergedInto(targetId, actor, now);
        if (!repository.update(closed.after())) {
            throw stale(repository.find(duplicateId).orElseThrow());
        }
        repository.record(duplicateId, closed.timeline());
        repository.placeInQueue(duplicateId, repository.targets(duplicateId), now);
        watch.follow(duplicateId, Optional.empty());
        repository.recordMerge(duplicateId, targetId, actor, now);
        callbacks.closed(List.of(duplicateId));
        return get(targetId);
    }

    /** The ticket a duplicate was merged into, if it was. */
    public Optional<TicketId> mergedInto(TicketId id) {
        return repository.mergedInto(id);
    }

    /**
     * What a history taken from a duplicate in state {@code from} needs at {@code now} to reach the target's state:
     * resumed or put on hold as the target is, and counting under the target's tier.
     */
    private static List<TicketEvent> reconciled(List<TicketEvent> history, TicketStatus from, Ticket target,
            Instant now) {
        var events = new ArrayList<TicketEvent>();
        TicketStatus to = target.status();
        if (from.pending() && from != to) {
            events.add(TicketEvent.of(now, TicketEvent.Kind.RESUMED));
        }
        if (to.pending() && from != to) {
            events.add(TicketEvent.of(now, to == TicketStatus.PENDING_CUSTOMER ? TicketEvent.Kind.PENDING_ON_CUSTOMER
                    : TicketEvent.Kind.PENDING_ON_THIRD_PARTY));
        }
        String tier = history.stream().filter(event -> event.tier() != null).reduce((a, b) -> b)
                .map(TicketEvent::tier).orElse(null);
        if (!target.tier().equals(tier)) {
            events.add(TicketEvent.tierChanged(now, target.tier()));
        }
        return events;
    }

    /** A ticket to merge, its row locked: an unknown duplicate is {@link NotFound}, an unknown target bad input. */
    private Ticket lockForMerge(TicketId id, boolean duplicate) {
        return repository.lock(id).orElseThrow(() -> duplicate ? unknown(id)
                : InvalidInput.of("target", "problem.ticket.merge-unknown-target", id.value()));
    }

    /**
     * Applies tier changes to the customers' tickets that are not closed: each gets a TIER_CHANGED event (at the
     * change, or at its last event if that came later) and a timeline entry. A change the ticket already has changes
     * nothing, so a redelivered event records nothing twice. A customer left without a tier counts under the
     * tier before assessment.
     */
    @Transactional
    void applyTierChanges(List<TierChanged> changes) {
        Set<CustomerId> affected = repository.customersWithTicketsNotClosed(
                changes.stream().map(TierChanged::customerId).collect(Collectors.toSet()));
        for (TierChanged change : changes) {
            if (!affected.contains(change.customerId())) {
                continue;
            }
            String tier = change.to() == null ? settings.tierBeforeAssessment() : change.to();
            for (TicketId id : repository.lockNotClosedOf(change.customerId())) {
                Ticket ticket = repository.find(id).orElseThrow();
                List<TicketEvent> history = repository.clockHistory(id);
                Instant at = latest(change.at(), history.get(history.size() - 1).at());
                save(ticket.tierChanged(tier, at), latest(time.now(), at));
            }
        }
    }

    /** Closes a batch of tickets solved longer ago than the setting says; returns how many it closed. */
    @Transactional
    int closeSolved() {
        Instant now = time.now();
        List<TicketId> due = repository.lockSolvedBefore(now.minus(settings.closeSolvedAfter()), CLOSING_BATCH);
        repository.close(due, TimelineEntry.of(now, Ticket.SYSTEM, "ticket.timeline.closed-automatically",
                settings.closeSolvedAfter()));
        callbacks.closed(due);
        return due.size();
    }

    /** Applies a change to the version read under the ticket's row lock, and stores it with its replayed targets. */
    TicketDetail change(TicketId id, long expectedVersion, Function<Ticket, Ticket.Changed> change) {
        Ticket ticket = locked(id, expectedVersion);
        save(change.apply(ticket), time.now());
        return get(id);
    }

    /**
     * Applies a change another flow makes on the ticket (a return's step) to its current version under the row lock,
     * as of {@code at}; the change may refuse by throwing, then nothing is written.
     */
    TicketDetail changeCurrent(TicketId id, Function<Ticket, Ticket.Changed> change, Instant at) {
        Ticket ticket = repository.lock(id).orElseThrow(() -> unknown(id));
        save(change.apply(ticket), at);
        return get(id);
    }

    private MessageAdded followUp(Ticket closed, String body, String actor, Instant now) {
        var ticket = new Ticket(null, closed.customerId(), closed.customerCode(), closed.channel(), closed.requester(),
                closed.subject(), closed.type(), closed.priority(), TicketStatus.NEW, closed.tags(), List.of(),
                closed.assignee(), tierOf(closed.customerId()), policies.currentVersion(), closed.id(), now, now,
                null, 0);
        TicketId followUp = open(ticket, body,
                List.of(TimelineEntry.of(now, actor, "ticket.timeline.follow-up-of", closed.id().value()))).ticket().id();
        var touched = new Ticket(closed.id(), closed.customerId(), closed.customerCode(), closed.channel(),
                closed.requester(), closed.subject(), closed.type(), closed.priority(), closed.status(), closed.tags(),
                closed.attachments(), closed.assignee(), closed.tier(), closed.policyVersion(), closed.followUpOf(),
                closed.createdAt(), now, closed.solvedAt(), closed.version(), closed.agentsOnlineAtIntake());
        repository.update(touched);
        repository.record(closed.id(),
                List.of(TimelineEntry.of(now, actor, "ticket.timeline.follow-up-opened", followUp.value())));
        return new MessageAdded(get(closed.id()), get(followUp));
    }

    /**
     * Stores a new ticket, the request's text as its first customer message, and starts its SLA clocks; returns it
     * as stored, from what was written rather than read back.
     */
    private TicketDetail open(Ticket ticket, String request, List<TimelineEntry> opened) {
        Ticket stored = ticket.stored(repository.insert(ticket));
        TicketId id = stored.id();
        List<TicketMessage> messages = request == null ? List.of()
                : List.of(repository.addMessage(id, MessageKind.CUSTOMER_MESSAGE,
                        author(ticket, MessageKind.CUSTOMER_MESSAGE, null), request, ticket.createdAt()));
        repository.record(id, opened);
        List<TicketEvent> created = List.of(TicketEvent.created(ticket.createdAt(), ticket.tier()));
        repository.appendClockEvents(id, 0, created);
        SlaOutcomes.Replay replay = sla.replay(stored, created, ticket.createdAt());
        repository.insertTargets(id, replay.outcomes(), ticket.createdAt());
        repository.enqueue(id, replay.outcomes(), ticket.createdAt());
        watch.start(id, replay.nextWake());
        return new TicketDetail(stored, messages, TargetOutcome.inDueOrder(replay.outcomes()), List.copyOf(opened),
                ticket.type() == TicketType.COMPLAINT ? Complaint.NONE : null);
    }

    /** Writes a change over the version read, records it, and stores the targets replayed from the new history. */
    private void save(Ticket.Changed changed, Instant now) {
        if (!changed.changedAnything()) {
            return;
        }
        Ticket after = changed.after();
        if (!repository.update(after)) {
            throw stale(repository.find(after.id()).orElseThrow());
        }
        repository.record(after.id(), changed.timeline());
        List<TicketEvent> history = new ArrayList<>(repository.clockHistory(after.id()));
        repository.appendClockEvents(after.id(), history.size(), changed.clockEvents());
        history.addAll(changed.clockEvents());
        storeTargets(after.id(), after, history, now);
    }

    /**
     * Stores the targets replayed from the history and the ticket's place in the queues, and has the SLA watcher wake
     * at their next status change.
     */
    private void storeTargets(TicketId id, Ticket ticket, List<TicketEvent> history, Instant now) {
        SlaOutcomes.Replay replay = sla.replay(ticket, history, now);
        repository.replaceTargets(id, replay.outcomes(), now);
        repository.placeInQueue(id, replay.outcomes(), now);
        watch.follow(id, replay.nextWake());
    }

    private Ticket locked(TicketId id, long expectedVersion) {
        Ticket ticket = repository.lock(id).orElseThrow(() -> unknown(id));
        if (ticket.version() != expectedVersion) {
            throw stale(ticket);
        }
        return ticket;
    }

    /** The ticket, its row locked, if it still takes changes; a closed one is a {@link Conflict}. */
    private Ticket changeable(TicketId id) {
        Ticket ticket = repository.lock(id).orElseThrow(() -> unknown(id));
        if (ticket.status() == TicketStatus.CLOSED) {
            throw new Conflict("status", "problem.ticket.closed-takes-no-change", id.value());
        }
        return ticket;
    }

    private Optional<Follower> following(TicketId id, String email) {
        String key = FollowerRepository.key(email);
        return followers.of(id).stream().filter(f -> FollowerRepository.key(f.email()).equals(key)).findFirst();
    }

    private static boolean requesterIs(Ticket ticket, String email) {
        return ticket.requester().email() != null && ticket.requester().email().equalsIgnoreCase(email);
    }

    private String tierOf(CustomerId customer) {
        return tiers.current(customer).map(CurrentTier::tier).orElse(settings.tierBeforeAssessment());
    }

    /**
     * The tier the customer had at {@code at}: that of the last change until then; before the first change, the tier
     * it changed from, or for a customer first graded after {@code at} (a history older than TierDesk) its first tier.
     */
    private String tierAt(CustomerId customer, Instant at) {
        List<TierChange> changes = tiers.timeline(customer);
        if (changes.isEmpty()) {
            return tierOf(customer);
        }
        TierChange first = changes.get(0);
        String tier = first.previousTier() != null ? first.previousTier() : first.tier();
        for (TierChange change : changes) {
            if (change.changedAt().isAfter(at)) {
                break;
            }
            tier = change.tier();
        }
        return tier == null ? settings.tierBeforeAssessment() : tier;
    }

    /** The SLA policy version published last at or before {@code at}; the first one for a time before any. */
    private int policyVersionAt(Instant at) {
        List<PolicyMatrix> versions = policies.versions();
        return versions.stream().filter(version -> !version.createdAt().isAfter(at)).findFirst()
                .or(() -> versions.stream().reduce((later, earlier) -> earlier))
                .map(PolicyMatrix::version).orElseGet(policies::currentVersion);
    }

    private static String author(Ticket ticket, MessageKind kind, String actor) {
        if (kind.byAgent()) {
            return actor;
        }
        return ticket.requester().name() != null ? ticket.requester().name() : ticket.customerCode();
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Conflict stale(Ticket current) {
        return new Conflict("version", STALE_VERSION, current.id().value(), current.version());
    }

    private static NotFound unknown(TicketId id) {
        return new NotFound("id", "problem.ticket.unknown", id.value());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** How many tickets created at {@code since} or later carry each tag, the most frequent first. */
    public java.util.Map<String, Long> tagCounts(Instant since) {
        return repository.tagCounts(since);
    }
}
