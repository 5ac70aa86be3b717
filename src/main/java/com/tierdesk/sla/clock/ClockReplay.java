package com.tierdesk.sla.clock;

import com.tierdesk.sla.BusinessCalendar;
import com.tierdesk.sla.ClockEnd;
import com.tierdesk.sla.ClockNote;
import com.tierdesk.sla.ClockStatus;
import com.tierdesk.sla.DeadlineSteps;
import com.tierdesk.sla.Pause;
import com.tierdesk.sla.SlaTarget;
import com.tierdesk.sla.SolvedWithoutReply;
import com.tierdesk.sla.TargetClock;
import com.tierdesk.sla.TicketEvent;
import com.tierdesk.sla.TierChangeRule;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The SLA clocks of one ticket, replayed from its history (docs/sla.md, "SLA clocks"):
 * <ul>
 *   <li>every clock starts at creation, except the next reply, which starts at a customer message once the
 *       first response is no longer running;</li>
 *   <li>the first response, the return decision and the first chat reply never pause; the next reply, the periodic
 *       update and the resolution pause while the ticket is pending on the customer or a third party;</li>
 *   <li>a public agent reply meets the first response, the first chat reply and the next reply, and starts a new
 *       periodic-update cycle; solving meets the targets that solving meets, and ends the others by the
 *       {@link SolvedWithoutReply} rule;</li>
 *   <li>a reopen restarts the resolution carrying its elapsed time, and starts a new next-reply and
 *       periodic-update cycle;</li>
 *   <li>a tier change applies the {@link TierChangeRule} to every running target, never making one due before
 *       the change that was not already; targets the new tier has and the ticket had not start at the change.</li>
 * </ul>
 * A target is met if it stopped by its due instant, breached if it did not or if the time is past it, at risk
 * once {@code atRisk} of its duration has elapsed, and on track before. Plain Java, no Spring.
 */
public final class ClockReplay {

    /** The terms of one target for a tier: how long, on which calendar. */
    public record Terms(Duration duration, BusinessCalendar calendar) {
    }

    /** A target's clock with the steps of the computation that gave its due instant. */
    public record Explained(TargetClock clock, DeadlineSteps steps) {
    }

    private final Function<String, Map<SlaTarget, Terms>> termsOfTier;
    private final TierChangeRule rule;
    private final SolvedWithoutReply solvedWithoutReply;
    private final double atRisk;

    /**
     * @param termsOfTier the targets a tier gives this ticket (its type and priority already chosen)
     * @param atRisk the share of a target's duration after which it is at risk, e.g. 0.75
     */
    public ClockReplay(Function<String, Map<SlaTarget, Terms>> termsOfTier, TierChangeRule rule,
            SolvedWithoutReply solvedWithoutReply, double atRisk) {
        this.termsOfTier = Objects.requireNonNull(termsOfTier);
        this.rule = Objects.requireNonNull(rule);
        this.solvedWithoutReply = Objects.requireNonNull(solvedWithoutReply);
        if (!(atRisk > 0 && atRisk < 1)) {
            throw new IllegalArgumentException("the at-risk share must lie between 0 and 1, not " + atRisk);
        }
        this.atRisk = atRisk;
    }

    /** Every target's clock as of {@code now}, from the history (sorted by time; ties keep their order). */
    public List<TargetClock> evaluate(List<TicketEvent> history, Instant now) {
        return replay(history, now, null).stream().map(Explained::clock).toList();
    }

    /** Like {@link #evaluate}, each clock with the steps to its due instant, shown in {@code displayZone} on 24×7. */
    public List<Explained> explain(List<TicketEvent> history, Instant now, ZoneId displayZone) {
        return replay(history, now, Objects.requireNonNull(displayZone));
    }

    private List<Explained> replay(List<TicketEvent> history, Instant now, ZoneId displayZone) {
        List<TicketEvent> events = history.stream().filter(e -> !e.at().isAfter(now))
                .sorted(Comparator.comparing(TicketEvent::at)).toList();
        if (events.isEmpty() || events.get(0).kind() != TicketEvent.Kind.CREATED) {
            throw new IllegalArgumentException("a history starts with CREATED, by " + now);
        }
        var replay = new Replay();
        events.forEach(replay::apply);
        var clocks = new ArrayList<Explained>();
        for (SlaTarget target : SlaTarget.values()) {
            List<Run> runs = replay.runs.get(target);
            if (runs == null || runs.isEmpty()) {
                continue;
            }
            var earlier = new ArrayList<TargetClock>();
            for (int i = 0; i < runs.size() - 1; i++) {
                earlier.add(runs.get(i).clockAt(now, List.of(), null).clock());
            }
            clocks.add(runs.get(runs.size() - 1).clockAt(now, earlier, displayZone));
        }
        return clocks;
    }

    private final class Replay {

        final Map<SlaTarget, List<Run>> runs = new EnumMap<>(SlaTarget.class);
        String tier;
        Instant pendingSince;
        boolean solved;

        void apply(TicketEvent event) {
            Instant at = event.at();
            switch (event.kind()) {
                case CREATED -> {
                    tier = event.tier();
                    termsOfTier.apply(tier).forEach((target, terms) -> {
                        if (target != SlaTarget.NEXT_REPLY) {
                            start(target, terms, at, Duration.ZERO);
                        }
                    });
                }
                case PENDING_ON_CUSTOMER, PENDING_ON_THIRD_PARTY -> {
                    if (pendingSince == null && !solved) {
                        pendingSince = at;
                        running().forEach(run -> run.pause(at));
                    }
                }
                case RESUMED -> resume(at);
                case CUSTOMER_MESSAGE -> {
                    resume(at);
                    if (!solved && current(SlaTarget.FIRST_RESPONSE) == null && current(SlaTarget.NEXT_REPLY) == null) {
                        startFromPolicy(SlaTarget.NEXT_REPLY, at, Duration.ZERO);
                    }
                }
                case AGENT_PUBLIC_REPLY -> {
                    end(SlaTarget.FIRST_RESPONSE, at, ClockEnd.AGENT_REPLY);
                    end(SlaTarget.FIRST_CHAT_REPLY, at, ClockEnd.AGENT_REPLY);
                    end(SlaTarget.NEXT_REPLY, at, ClockEnd.AGENT_REPLY);
                    if (end(SlaTarget.PERIODIC_UPDATE, at, ClockEnd.AGENT_REPLY) && !solved) {
                        startFromPolicy(SlaTarget.PERIODIC_UPDATE, at, Duration.ZERO);
                    }
                }
                case RETURN_DECIDED -> end(SlaTarget.RETURN_DECISION, at, ClockEnd.RETURN_DECIDED);
                case SOLVED -> {
                    running().forEach(run -> run.end(at, ClockEnd.SOLVED));
                    pendingSince = null;
                    solved = true;
                }
                case REOPENED -> {
                    if (solved) {
                        reopen(at);
                    }
                }
                case TIER_CHANGED -> changeTier(event.tier(), at);
            }
        }

        void reopen(Instant at) {
            solved = false;
            List<Run> resolution = runs.get(SlaTarget.RESOLUTION);
            if (resolution != null && !resolution.isEmpty()) {
                Run last = resolution.get(resolution.size() - 1);
                Run again = startFromPolicy(SlaTarget.RESOLUTION, at, last.elapsedAt(last.endedAt));
                if (again != null) {
                    again.notes.add(new ClockNote(ClockNote.Kind.REOPENED, at, tier, tier, again.carried, null, null));
                }
            }
            startFromPolicy(SlaTarget.PERIODIC_UPDATE, at, Duration.ZERO);
            startFromPolicy(SlaTarget.NEXT_REPLY, at, Duration.ZERO);
        }

        void resume(Instant at) {
            if (pendingSince != null) {
                running().forEach(run -> run.resume(at));
                pendingSince = null;
            }
        }

        void changeTier(String newTier, Instant at) {
            if (newTier.equals(tier)) {
                return;
            }
            String oldTier = tier;
            tier = newTier;
            Map<SlaTarget, Terms> newTerms = termsOfTier.apply(newTier);
            if (solved) {
                return;
            }
            for (Run run : running()) {
                Terms terms = newTerms.get(run.target);
                if (terms == null) {
                    endWithoutNewTarget(run, oldTier, newTier, at);
                } else if (rule == TierChangeRule.RE_BASELINE) {
                    reBaseline(run, terms, oldTier, newTier, at);
                } else {
                    keepBetter(run, terms, oldTier, newTier, at);
                }
            }
            newTerms.forEach((target, terms) -> {
                if (target != SlaTarget.NEXT_REPLY && !runs.containsKey(target)) {
                    start(target, terms, at, Duration.ZERO).notes.add(new ClockNote(
                            ClockNote.Kind.STARTED_AT_TIER_CHANGE, at, oldTier, newTier, null, null, null));
                }
            });
        }

        void endWithoutNewTarget(Run run, String oldTier, String newTier, Instant at) {
            if (rule == TierChangeRule.RE_BASELINE) {
                run.end(at, ClockEnd.TIER_CHANGED);
                run.notes.add(new ClockNote(ClockNote.Kind.ENDED_AT_TIER_CHANGE, at, oldTier, newTier, null, null, null));
            } else {
                run.notes.add(new ClockNote(ClockNote.Kind.KEPT_NOT_IN_NEW_TIER, at, oldTier, newTier, null,
                        run.dueProjected(at), null));
            }
        }

        /**
         * The new tier's target counted from the change with the time elapsed so far carried over, and the pauses;
         * if the carried time already reaches the target, it is due at the change, never before.
         */
        void reBaseline(Run run, Terms terms, String oldTier, String newTier, Instant at) {
            Duration elapsed = run.elapsedAt(at);
            List<Pause> pauses = run.allPauses(at);
            run.supersede(at);
            Run next = start(run.target, terms, at, elapsed);
            next.carriedPauses.addAll(pauses);
            boolean elapsedAlready = elapsed.compareTo(terms.duration()) >= 0;
            next.notes.add(new ClockNote(elapsedAlready ? ClockNote.Kind.DUE_AT_TIER_CHANGE : ClockNote.Kind.RE_BASELINED,
                    at, oldTier, newTier, elapsed, next.dueProjected(at), null));
        }

        /**
         * The earlier of the old due instant and the change plus the new tier's whole target on its calendar: a
         * customer moved up is owed the new tier's promise from the moment they hold it, not from before.
         */
        void keepBetter(Run run, Terms terms, String oldTier, String newTier, Instant at) {
            Instant oldDue = run.dueProjected(at);
            Instant newDue = terms.calendar().add(at, terms.duration());
            if (newDue.isBefore(oldDue)) {
                run.supersede(at);
                start(run.target, terms, at, Duration.ZERO).notes.add(new ClockNote(ClockNote.Kind.TOOK_NEW_TIER, at,
                        oldTier, newTier, null, newDue, oldDue));
            } else {
                run.notes.add(new ClockNote(ClockNote.Kind.KEPT_BETTER, at, oldTier, newTier, null, oldDue, newDue));
            }
        }

        Run startFromPolicy(SlaTarget target, Instant at, Duration carried) {
            Terms terms = termsOfTier.apply(tier).get(target);
            return terms == null ? null : start(target, terms, at, carried);
        }

        Run start(SlaTarget target, Terms terms, Instant at, Duration carried) {
            Run run = new Run(target, terms, tier, at, carried);
            if (pendingSince != null && target.pausesWhilePending()) {
                run.pause(at);
            }
            runs.computeIfAbsent(target, t -> new ArrayList<>()).add(run);
            return run;
        }

        Run current(SlaTarget target) {
            List<Run> list = runs.get(target);
            if (list == null || list.isEmpty()) {
                return null;
            }
            Run last = list.get(list.size() - 1);
            return last.endedAt == null ? last : null;
        }

        boolean end(SlaTarget target, Instant at, ClockEnd by) {
            Run run = current(target);
            if (run != null) {
                run.end(at, by);
                return true;
            }
            return false;
        }

        List<Run> running() {
            return runs.values().stream().flatMap(List::stream).filter(run -> run.endedAt == null).toList();
        }
    }

    /** One cycle of one target. */
    private final class Run {

        final SlaTarget target;
        final Terms terms;
        final String tier;
        final Instant start;
        final Duration carried;
        final List<Pause> pauses = new ArrayList<>();
        final List<Pause> carriedPauses = new ArrayList<>();
        final List<ClockNote> notes = new ArrayList<>();
        Instant pausedSince;
        Instant endedAt;
        ClockEnd endedBy;
        boolean superseded;

        Run(SlaTarget target, Terms terms, String tier, Instant start, Duration carried) {
            this.target = target;
            this.terms = terms;
            this.tier = tier;
            this.start = start;
            this.carried = carried;
        }

        void pause(Instant at) {
            if (target.pausesWhilePending() && pausedSince == null && endedAt == null) {
                pausedSince = at;
            }
        }

        void resume(Instant at) {
            if (pausedSince != null) {
                pauses.add(new Pause(pausedSince, at));
                pausedSince = null;
            }
        }

        void end(Instant at, ClockEnd by) {
            resume(at);
            endedAt = at;
            endedBy = by;
        }

        /** Ended because a cycle under the new tier takes over; its outcome is that cycle's. */
        void supersede(Instant at) {
            end(at, ClockEnd.TIER_CHANGED);
            superseded = true;
        }

        /** This cycle's pauses up to {@code at}, an open one closed there. */
        List<Pause> closedPauses(Instant at) {
            var closed = new ArrayList<>(pauses);
            if (pausedSince != null && at.isAfter(pausedSince)) {
                closed.add(new Pause(pausedSince, at));
            }
            return closed;
        }

        /** The pauses carried over from earlier cycles and this cycle's up to {@code at}. */
        List<Pause> allPauses(Instant at) {
            var all = new ArrayList<>(carriedPauses);
            all.addAll(closedPauses(at));
            return all;
        }

        Duration elapsedAt(Instant at) {
            return carried.plus(terms.calendar().between(start, at, closedPauses(at)));
        }

        Duration left() {
            Duration left = terms.duration().minus(carried);
            return left.isNegative() ? Duration.ZERO : left;
        }

        /** The due instant, a pause still open at {@code at} taken to end there. */
        Instant dueProjected(Instant at) {
            return terms.calendar().add(start, left(), closedPauses(at));
        }

        Explained clockAt(Instant now, List<TargetClock> earlier, ZoneId displayZone) {
            Instant end = endedAt != null ? endedAt : now;
            DeadlineSteps steps = displayZone == null ? null
                    : terms.calendar().explain(start, left(), closedPauses(end), displayZone);
            Instant due = steps != null ? steps.due() : dueProjected(end);
            Duration elapsed = elapsedAt(end);
            Duration remaining = terms.duration().minus(elapsed);
            remaining = remaining.isNegative() ? Duration.ZERO : remaining;
            boolean paused = endedAt == null && pausedSince != null;
            ClockStatus status;
            Instant nextAt = null;
            ClockStatus next = null;
            if (endedAt != null && !superseded) {
                status = outcome(due);
            } else if (end.isAfter(due)) {
                status = ClockStatus.BREACHED;
            } else {
                Instant riskAt = riskAt(end);
                status = riskAt.isAfter(end) ? ClockStatus.ON_TRACK : ClockStatus.AT_RISK;
                if (!paused && endedAt == null) {
                    nextAt = status == ClockStatus.ON_TRACK ? riskAt : due;
                    next = status == ClockStatus.ON_TRACK ? ClockStatus.AT_RISK : ClockStatus.BREACHED;
                }
            }
            var clock = new TargetClock(target, tier, terms.duration(), terms.calendar().code(), start, carried,
                    List.copyOf(allPauses(end)), paused, due, endedAt, endedBy, elapsed, remaining, status, nextAt, next,
                    List.copyOf(notes), List.copyOf(earlier));
            return new Explained(clock, steps);
        }

        /** How an ended cycle came out: late is breached; solved without the act it waited for goes by the rule. */
        ClockStatus outcome(Instant due) {
            if (endedAt.isAfter(due)) {
                return ClockStatus.BREACHED;
            }
            if (endedBy == ClockEnd.TIER_CHANGED) {
                return ClockStatus.NOT_APPLICABLE;
            }
            if (endedBy == ClockEnd.SOLVED && !target.metBySolving()) {
                return switch (solvedWithoutReply) {
                    case NOT_APPLICABLE -> ClockStatus.NOT_APPLICABLE;
                    case MET -> ClockStatus.MET;
                    case BREACHED -> ClockStatus.BREACHED;
                };
            }
            return ClockStatus.MET;
        }

        /** When {@code atRisk} of the duration will have elapsed, the pauses up to {@code end} held. */
        Instant riskAt(Instant end) {
            long riskSeconds = (long) Math.ceil(terms.duration().getSeconds() * atRisk);
            Duration toRisk = Duration.ofSeconds(riskSeconds).minus(carried);
            return toRisk.isNegative() || toRisk.isZero() ? start
                    : terms.calendar().add(start, toRisk, closedPauses(end));
        }
    }
}
