package com.tierdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The SLA clocks of one ticket, replayed from its history (SPEC §3):
 * <ul>
 *   <li>every clock starts at creation, except the next reply, which starts at a customer message once the
 *       first response is no longer running;</li>
 *   <li>the first response, the return decision and the first chat reply never pause; the next reply, the periodic
 *       update and the resolution pause while the ticket is pending on the customer or a third party;</li>
 *   <li>a public agent reply meets the first response, the first chat reply and the next reply, and starts a new
 *       periodic-update cycle; solving meets every running target;</li>
 *   <li>a reopen restarts the resolution carrying its elapsed time, and starts a new next-reply and
 *       periodic-update cycle;</li>
 *   <li>a tier change applies the {@link TierChangeRule} to every running target; targets the new tier has and the
 *       ticket had not start at the change.</li>
 * </ul>
 * A target is met if it stopped by its due instant, breached if it did not or if the time is past it, at risk
 * once {@code atRisk} of its duration has elapsed, and on track before. Plain Java, no Spring.
 */
public final class SlaClock {

    /** The terms of one target for a tier: how long, on which calendar. */
    public record Terms(Duration duration, BusinessCalendar calendar) {
    }

    private final Function<String, Map<SlaTarget, Terms>> termsOfTier;
    private final TierChangeRule rule;
    private final double atRisk;

    /**
     * @param termsOfTier the targets a tier gives this ticket (its type and priority already chosen)
     * @param atRisk the share of a target's duration after which it is at risk, e.g. 0.75
     */
    public SlaClock(Function<String, Map<SlaTarget, Terms>> termsOfTier, TierChangeRule rule, double atRisk) {
        this.termsOfTier = Objects.requireNonNull(termsOfTier);
        this.rule = Objects.requireNonNull(rule);
        if (!(atRisk > 0 && atRisk < 1)) {
            throw new IllegalArgumentException("the at-risk share must lie between 0 and 1, not " + atRisk);
        }
        this.atRisk = atRisk;
    }

    /** Every target's clock as of {@code now}, from the history (sorted by time; ties keep their order). */
    public List<TargetClock> evaluate(List<TicketEvent> history, Instant now) {
        List<TicketEvent> events = history.stream().filter(e -> !e.at().isAfter(now))
                .sorted(Comparator.comparing(TicketEvent::at)).toList();
        if (events.isEmpty() || events.get(0).kind() != TicketEvent.Kind.CREATED) {
            throw new IllegalArgumentException("a history starts with CREATED");
        }
        var replay = new Replay();
        for (TicketEvent event : events) {
            replay.apply(event);
        }
        var clocks = new ArrayList<TargetClock>();
        for (SlaTarget target : SlaTarget.values()) {
            List<Run> runs = replay.runs.get(target);
            if (runs == null || runs.isEmpty()) {
                continue;
            }
            var earlier = new ArrayList<TargetClock>();
            for (int i = 0; i < runs.size() - 1; i++) {
                earlier.add(runs.get(i).clockAt(now, atRisk, List.of()));
            }
            clocks.add(runs.get(runs.size() - 1).clockAt(now, atRisk, earlier));
        }
        return clocks;
    }

    /** One target's clock: the current (or last) cycle, and the earlier cycles of repeating targets. */
    public record TargetClock(SlaTarget target, String tier, Duration duration, String calendar, Instant startedAt,
                              Duration carriedOver, List<Pause> pauses, boolean paused, Instant due, Instant metAt,
                              Duration elapsed, Duration remaining, ClockStatus status, Instant nextChangeAt,
                              ClockStatus nextStatus, List<ClockNote> notes, List<TargetClock> earlierCycles) {
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
                    meet(SlaTarget.FIRST_RESPONSE, at);
                    meet(SlaTarget.FIRST_CHAT_REPLY, at);
                    meet(SlaTarget.NEXT_REPLY, at);
                    if (meet(SlaTarget.PERIODIC_UPDATE, at) && !solved) {
                        startFromPolicy(SlaTarget.PERIODIC_UPDATE, at, Duration.ZERO);
                    }
                }
                case RETURN_DECIDED -> meet(SlaTarget.RETURN_DECISION, at);
                case SOLVED -> {
                    running().forEach(run -> run.stop(at));
                    pendingSince = null;
                    solved = true;
                }
                case REOPENED -> {
                    if (solved) {
                        solved = false;
                        List<Run> resolution = runs.get(SlaTarget.RESOLUTION);
                        if (resolution != null && !resolution.isEmpty()) {
                            Run last = resolution.get(resolution.size() - 1);
                            Run again = startFromPolicy(SlaTarget.RESOLUTION, at, last.elapsedAt(last.stoppedAt));
                            if (again != null) {
                                again.notes.add(new ClockNote(ClockNote.Kind.REOPENED, at, tier, tier, again.carried,
                                        null, null));
                            }
                        }
                        startFromPolicy(SlaTarget.PERIODIC_UPDATE, at, Duration.ZERO);
                        startFromPolicy(SlaTarget.NEXT_REPLY, at, Duration.ZERO);
                    }
                }
                case TIER_CHANGED -> changeTier(event.tier(), at);
            }
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
                    if (rule == TierChangeRule.RE_BASELINE) {
                        run.stop(at);
                        run.notes.add(new ClockNote(ClockNote.Kind.ENDED_AT_TIER_CHANGE, at, oldTier, newTier, null,
                                null, null));
                    }
                    continue;
                }
                if (rule == TierChangeRule.RE_BASELINE) {
                    Duration elapsed = run.elapsedAt(at);
                    run.stop(at);
                    run.superseded = true;
                    Run next = start(run.target, terms, at, elapsed);
                    next.tier = newTier;
                    next.carriedPauses.addAll(run.closedPauses(at));
                    next.notes.add(new ClockNote(ClockNote.Kind.RE_BASELINED, at, oldTier, newTier, elapsed, null, null));
                } else {
                    Run candidate = run.withTerms(terms, newTier);
                    Instant oldDue = run.dueProjected(at);
                    Instant newDue = candidate.dueProjected(at);
                    if (newDue.isBefore(oldDue)) {
                        run.terms = terms;
                        run.tier = newTier;
                        run.notes.add(new ClockNote(ClockNote.Kind.TOOK_NEW_TIER, at, oldTier, newTier, null, newDue,
                                oldDue));
                    } else {
                        run.notes.add(new ClockNote(ClockNote.Kind.KEPT_BETTER, at, oldTier, newTier, null, oldDue,
                                newDue));
                    }
                }
            }
            newTerms.forEach((target, terms) -> {
                if (target != SlaTarget.NEXT_REPLY && !runs.containsKey(target)) {
                    start(target, terms, at, Duration.ZERO).notes.add(new ClockNote(
                            ClockNote.Kind.STARTED_AT_TIER_CHANGE, at, oldTier, newTier, null, null, null));
                }
            });
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
            return last.stoppedAt == null ? last : null;
        }

        boolean meet(SlaTarget target, Instant at) {
            Run run = current(target);
            if (run != null) {
                run.stop(at);
                return true;
            }
            return false;
        }

        List<Run> running() {
            return runs.values().stream().flatMap(List::stream).filter(run -> run.stoppedAt == null).toList();
        }
    }

    /** One cycle of one target. */
    private static final class Run {

        final SlaTarget target;
        final Instant start;
        final Duration carried;
        final List<Pause> pauses = new ArrayList<>();
        final List<Pause> carriedPauses = new ArrayList<>();
        final List<ClockNote> notes = new ArrayList<>();
        Terms terms;
        String tier;
        Instant pausedSince;
        Instant stoppedAt;
        boolean superseded;

        Run(SlaTarget target, Terms terms, String tier, Instant start, Duration carried) {
            this.target = target;
            this.terms = terms;
            this.tier = tier;
            this.start = start;
            this.carried = carried;
        }

        Run withTerms(Terms other, String otherTier) {
            Run copy = new Run(target, other, otherTier, start, carried);
            copy.pauses.addAll(pauses);
            copy.pausedSince = pausedSince;
            return copy;
        }

        void pause(Instant at) {
            if (target.pausesWhilePending() && pausedSince == null && stoppedAt == null) {
                pausedSince = at;
            }
        }

        void resume(Instant at) {
            if (pausedSince != null) {
                pauses.add(new Pause(pausedSince, at));
                pausedSince = null;
            }
        }

        void stop(Instant at) {
            resume(at);
            stoppedAt = at;
        }

        /** The pauses up to {@code at}, an open one closed there. */
        List<Pause> closedPauses(Instant at) {
            var closed = new ArrayList<>(pauses);
            if (pausedSince != null && at.isAfter(pausedSince)) {
                closed.add(new Pause(pausedSince, at));
            }
            return closed;
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
            if (carried.compareTo(terms.duration()) >= 0) {
                return start;
            }
            return terms.calendar().add(start, left(), closedPauses(at));
        }

        TargetClock clockAt(Instant now, double atRisk, List<TargetClock> earlier) {
            Instant end = stoppedAt != null ? stoppedAt : now;
            Instant due = dueProjected(end);
            Duration elapsed = elapsedAt(end);
            Duration remaining = terms.duration().minus(elapsed);
            remaining = remaining.isNegative() ? Duration.ZERO : remaining;
            boolean paused = stoppedAt == null && pausedSince != null;
            ClockStatus status;
            Instant nextAt = null;
            ClockStatus next = null;
            if (stoppedAt != null && !superseded) {
                status = stoppedAt.isAfter(due) ? ClockStatus.BREACHED : ClockStatus.MET;
            } else if (end.isAfter(due)) {
                status = ClockStatus.BREACHED;
            } else {
                long riskSeconds = (long) Math.ceil(terms.duration().getSeconds() * atRisk);
                Duration toRisk = Duration.ofSeconds(riskSeconds).minus(carried);
                Instant riskAt = toRisk.isNegative() || toRisk.isZero() ? start
                        : terms.calendar().add(start, toRisk, closedPauses(end));
                if (!riskAt.isAfter(end)) {
                    status = ClockStatus.AT_RISK;
                    if (!paused && stoppedAt == null) {
                        nextAt = due;
                        next = ClockStatus.BREACHED;
                    }
                } else {
                    status = ClockStatus.ON_TRACK;
                    if (!paused && stoppedAt == null) {
                        nextAt = riskAt;
                        next = ClockStatus.AT_RISK;
                    }
                }
            }
            var allPauses = new ArrayList<>(carriedPauses);
            allPauses.addAll(closedPauses(end));
            return new TargetClock(target, tier, terms.duration(), terms.calendar().code(), start, carried,
                    List.copyOf(allPauses), paused, due, stoppedAt != null && !superseded ? stoppedAt : null, elapsed,
                    remaining, status, nextAt, next, List.copyOf(notes), List.copyOf(earlier));
        }
    }
}
