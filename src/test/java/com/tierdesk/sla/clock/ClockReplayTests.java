package com.tierdesk.sla.clock;

import static com.tierdesk.sla.Calendars.shanghai;
import static com.tierdesk.sla.TicketEvent.Kind.AGENT_PUBLIC_REPLY;
import static com.tierdesk.sla.TicketEvent.Kind.CUSTOMER_MESSAGE;
import static com.tierdesk.sla.TicketEvent.Kind.PENDING_ON_CUSTOMER;
import static com.tierdesk.sla.TicketEvent.Kind.PENDING_ON_THIRD_PARTY;
import static com.tierdesk.sla.TicketEvent.Kind.REOPENED;
import static com.tierdesk.sla.TicketEvent.Kind.RESUMED;
import static com.tierdesk.sla.TicketEvent.Kind.RETURN_DECIDED;
import static com.tierdesk.sla.TicketEvent.Kind.SOLVED;
import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.sla.BusinessCalendar;
import com.tierdesk.sla.Calendars;
import com.tierdesk.sla.ClockEnd;
import com.tierdesk.sla.ClockNote;
import com.tierdesk.sla.ClockStatus;
import com.tierdesk.sla.Pause;
import com.tierdesk.sla.SlaTarget;
import com.tierdesk.sla.SolvedWithoutReply;
import com.tierdesk.sla.TargetClock;
import com.tierdesk.sla.TicketEvent;
import com.tierdesk.sla.TierChangeRule;
import com.tierdesk.sla.clock.ClockReplay.Terms;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** One test per rule of the SLA clock (docs/sla.md), on the business calendar (Mon–Fri 09:00–18:00) unless said. */
class ClockReplayTests {

    private static final BusinessCalendar BUSINESS = Calendars.springFestival2025();
    private static final BusinessCalendar ALWAYS = Calendars.ALWAYS;

    /** KEY: first response 1 h, next reply 2 h, update every 4 h, resolution 8 h (business); VIP: 30 min / 1 h / 1 h / 2 h (24×7). */
    private static Map<SlaTarget, Terms> terms(String tier) {
        var terms = new EnumMap<SlaTarget, Terms>(SlaTarget.class);
        if (tier.equals("VIP")) {
            terms.put(SlaTarget.FIRST_RESPONSE, new Terms(Duration.ofMinutes(30), ALWAYS));
            terms.put(SlaTarget.NEXT_REPLY, new Terms(Duration.ofHours(1), ALWAYS));
            terms.put(SlaTarget.PERIODIC_UPDATE, new Terms(Duration.ofHours(1), ALWAYS));
            terms.put(SlaTarget.RESOLUTION, new Terms(Duration.ofHours(2), ALWAYS));
        } else {
            terms.put(SlaTarget.FIRST_RESPONSE, new Terms(Duration.ofHours(1), BUSINESS));
            terms.put(SlaTarget.NEXT_REPLY, new Terms(Duration.ofHours(2), BUSINESS));
            terms.put(SlaTarget.RESOLUTION, new Terms(Duration.ofHours(8), BUSINESS));
            if (tier.equals("KEY")) {
                terms.put(SlaTarget.PERIODIC_UPDATE, new Terms(Duration.ofHours(4), BUSINESS));
            }
        }
        return terms;
    }

    private final Instant created = shanghai("2025-03-04T10:00"); // a Tuesday

    @Test
    void firstResponseNeverPausesWhileResolutionDoes() {
        var history = List.of(TicketEvent.created(created, "KEY"),
                TicketEvent.of(shanghai("2025-03-04T10:15"), PENDING_ON_CUSTOMER),
                TicketEvent.of(shanghai("2025-03-04T14:15"), RESUMED));

        var clocks = clocks(TierChangeRule.KEEP_BETTER, history, shanghai("2025-03-04T15:00"));

        TargetClock first = clock(clocks, SlaTarget.FIRST_RESPONSE);
        assertThat(first.due()).isEqualTo(shanghai("2025-03-04T11:00"));
        assertThat(first.pauses()).isEmpty();
        assertThat(first.status()).isEqualTo(ClockStatus.BREACHED);
        TargetClock resolution = clock(clocks, SlaTarget.RESOLUTION);
        assertThat(resolution.pauses()).containsExactly(new Pause(shanghai("2025-03-04T10:15"), shanghai("2025-03-04T14:15")));
        // 8 h from 10:00 with 4 h paused: 10:00–10:15, 14:15–18:00, next day 09:00–13:00.
        assertThat(resolution.due()).isEqualTo(shanghai("2025-03-05T13:00"));
        assertThat(resolution.elapsed()).isEqualTo(Duration.ofMinutes(60));
        assertThat(resolution.remaining()).isEqualTo(Duration.ofHours(7));
    }

    @Test
    void pendingOnAThirdPartyPausesNextReplyAndPeriodicUpdateAndACustomerMessageResumes() {
        var history = List.of(TicketEvent.created(created, "KEY"),
                TicketEvent.of(shanghai("2025-03-04T10:30"), AGENT_PUBLIC_REPLY),
                TicketEvent.of(shanghai("2025-03-04T11:00"), CUSTOMER_MESSAGE),
                TicketEvent.of(shanghai("2025-03-04T11:30"), PENDING_ON_THIRD_PARTY),
                TicketEvent.of(shanghai("2025-03-04T16:30"), CUSTOMER_MESSAGE));

        var clocks = clocks(TierChangeRule.KEEP_BETTER, history, shanghai("2025-03-04T17:00"));

        TargetClock next = clock(clocks, SlaTarget.NEXT_REPLY);
        assertThat(next.startedAt()).isEqualTo(shanghai("2025-03-04T11:00"));
        assertThat(next.pauses()).containsExactly(new Pause(shanghai("2025-03-04T11:30"), shanghai("2025-03-04T16:30")));
        // 2 h from 11:00 with 11:30–16:30 paused: 11:00–11:30, then 16:30–18:00 → 18:00.
        assertThat(next.due()).isEqualTo(shanghai("2025-03-04T18:00"));
        TargetClock update = clock(clocks, SlaTarget.PERIODIC_UPDATE);
        assertThat(update.startedAt()).isEqualTo(shanghai("2025-03-04T10:30"));
        assertThat(update.pauses()).hasSize(1);
        assertThat(update.due()).isEqualTo(shanghai("2025-03-05T10:30"));
    }

    @Test
    void targetsStopWhenMetAndAPublicReplyStartsTheNextUpdateCycle() {
        var history = List.of(TicketEvent.created(created, "KEY"),
                TicketEvent.of(shanghai("2025-03-04T10:40"), AGENT_PUBLIC_REPLY),
                TicketEvent.of(shanghai("2025-03-04T13:00"), AGENT_PUBLIC_REPLY));

        var clocks = clocks(TierChangeRule.KEEP_BETTER, history, shanghai("2025-03-06T12:00"));

        TargetClock first = clock(clocks, SlaTarget.FIRST_RESPONSE);
        assertThat(first.status()).isEqualTo(ClockStatus.MET);
        assertThat(first.endedAt()).isEqualTo(shanghai("2025-03-04T10:40"));
        assertThat(first.endedBy()).isEqualTo(ClockEnd.AGENT_REPLY);
        assertThat(first.elapsed()).isEqualTo(Duration.ofMinutes(40));
        assertThat(first.nextChangeAt()).isNull();
        TargetClock update = clock(clocks, SlaTarget.PERIODIC_UPDATE);
        assertThat(update.startedAt()).isEqualTo(shanghai("2025-03-04T13:00"));
        assertThat(update.earlierCycles()).extracting(TargetClock::status).containsExactly(ClockStatus.MET, ClockStatus.MET);
        assertThat(update.status()).isEqualTo(ClockStatus.BREACHED);
    }

    @Test
    void aReplyAfterTheDueInstantIsBreachedNotMet() {
        var history = List.of(TicketEvent.created(created, "KEY"),
                TicketEvent.of(shanghai("2025-03-04T11:00:01"), AGENT_PUBLIC_REPLY));

        assertThat(clock(clocks(TierChangeRule.KEEP_BETTER, history, shanghai("2025-03-04T12:00")), SlaTarget.FIRST_RESPONSE)
                .status()).isEqualTo(ClockStatus.BREACHED);
    }

    @Test
    void isOnTrackThenAtRiskAtSeventyFivePercentThenBreachedAndSaysWhenItChanges() {
        var history = List.of(TicketEvent.created(created, "KEY"));

        TargetClock early = clock(clocks(TierChangeRule.KEEP_BETTER, history, shanghai("2025-03-04T10:30")), SlaTarget.FIRST_RESPONSE);
        assertThat(early.status()).isEqualTo(ClockStatus.ON_TRACK);
        assertThat(early.nextChangeAt()).isEqualTo(shanghai("2025-03-04T10:45"));
        assertThat(early.nextStatus()).isEqualTo(ClockStatus.AT_RISK);
        TargetClock late = clock(clocks(TierChangeRule.KEEP_BETTER, history, shanghai("2025-03-04T10:45")), SlaTarget.FIRST_RESPONSE);
        assertThat(late.status()).isEqualTo(ClockStatus.AT_RISK);
        assertThat(late.nextChangeAt()).isEqualTo(shanghai("2025-03-04T11:00"));
        assertThat(late.nextStatus()).isEqualTo(ClockStatus.BREACHED);
        // Resolution (8 h) turns at risk after 6 business hours: 10:00–16:00.
        TargetClock resolution = clock(clocks(TierChangeRule.KEEP_BETTER, history, shanghai("2025-03-04T10:30")), SlaTarget.RESOLUTION);
        assertThat(resolution.nextChangeAt()).isEqualTo(shanghai("2025-03-04T16:00"));
        TargetClock breached = clock(clocks(TierChangeRule.KEEP_BETTER, history, shanghai("2025-03-04T11:00:01")), SlaTarget.FIRST_RESPONSE);
        assertThat(breached.status()).isEqualTo(ClockStatus.BREACHED);
        assertThat(breached.remaining()).isZero();
    }

    @Test
    void aPausedTargetDoesNotSayWhenItChanges() {
        var history = List.of(TicketEvent.created(created, "KEY"), TicketEvent.of(shanghai("2025-03-04T11:00"), PENDING_ON_CUSTOMER));

        TargetClock resolution = clock(clocks(TierChangeRule.KEEP_BETTER, history, shanghai("2025-03-05T11:00")), SlaTarget.RESOLUTION);
        assertThat(resolution.paused()).isTrue();
        assertThat(resolution.elapsed()).isEqualTo(Duration.ofHours(1));
        assertThat(resolution.nextChangeAt()).isNull();
        // Were it resumed now, 7 h would remain: 11:00–18:00.
        assertThat(resolution.due()).isEqualTo(shanghai("2025-03-05T18:00"));
    }

    @Test
    void aReopenRestartsResolutionCarryingItsElapsedTime() {
        var history = List.of(TicketEvent.created(created, "KEY"),
                TicketEvent.of(shanghai("2025-03-04T10:20"), AGENT_PUBLIC_REPLY),
                TicketEvent.of(shanghai("2025-03-04T13:00"), SOLVED),
                TicketEvent.of(shanghai("2025-03-06T09:00"), REOPENED));

        var clocks = clocks(TierChangeRule.KEEP_BETTER, history, shanghai("2025-03-06T10:00"));

        TargetClock resolution = clock(clocks, SlaTarget.RESOLUTION);
        assertThat(resolution.earlierCycles()).extracting(TargetClock::status).containsExactly(ClockStatus.MET);
        assertThat(resolution.carriedOver()).isEqualTo(Duration.ofHours(3));
        assertThat(resolution.startedAt()).isEqualTo(shanghai("2025-03-06T09:00"));
        assertThat(resolution.elapsed()).isEqualTo(Duration.ofHours(4));
        assertThat(resolution.due()).isEqualTo(shanghai("2025-03-06T14:00"));
        // The first response was met before and is not restarted; a next reply is owed to the reopening customer.
        assertThat(clock(clocks, SlaTarget.FIRST_RESPONSE).status()).isEqualTo(ClockStatus.MET);
        assertThat(clock(clocks, SlaTarget.NEXT_REPLY).startedAt()).isEqualTo(shanghai("2025-03-06T09:00"));
    }

    /**
     * The worked example of docs/sla.md on the shipped calendar and matrix values: a KEY inquiry (8 bh / 24 bh on
     * business) created on Friday 2025-03-07 at 17:00, a normal working Friday before a normal weekend, and the
     * customer made VIP (1 h / 4 h on 24×7) on Saturday at 10:00. Counting the VIP targets from the creation would
     * make them due Friday 18:00 and 21:00, breached before the customer was VIP.
     */
    @Test
    void keepTheBetterSlaCountsTheNewTiersTargetFromTheChange() {
        BusinessCalendar business = Calendars.shippedBusiness();
        Function<String, Map<SlaTarget, Terms>> inquiry = tier -> tier.equals("VIP")
                ? Map.of(SlaTarget.FIRST_RESPONSE, new Terms(Duration.ofHours(1), ALWAYS),
                        SlaTarget.RESOLUTION, new Terms(Duration.ofHours(4), ALWAYS))
                : Map.of(SlaTarget.FIRST_RESPONSE, new Terms(Duration.ofHours(8), business),
                        SlaTarget.RESOLUTION, new Terms(Duration.ofHours(24), business));
        Instant change = shanghai("2025-03-08T10:00");
        var history = List.of(TicketEvent.created(shanghai("2025-03-07T17:00"), "KEY"), TicketEvent.tierChanged(change, "VIP"));

        var clocks = new ClockReplay(inquiry, TierChangeRule.KEEP_BETTER, SolvedWithoutReply.NOT_APPLICABLE, 0.75)
                .evaluate(history, shanghai("2025-03-08T10:05"));

        TargetClock first = clock(clocks, SlaTarget.FIRST_RESPONSE);
        assertThat(first.due()).isEqualTo(shanghai("2025-03-08T11:00"));
        assertThat(first.status()).isEqualTo(ClockStatus.ON_TRACK);
        assertThat(first.tier()).isEqualTo("VIP");
        assertThat(first.startedAt()).isEqualTo(change);
        // KEY's 8 bh would have run Friday 17:00–18:00 and Monday 09:00–16:00.
        assertThat(first.notes()).containsExactly(new ClockNote(ClockNote.Kind.TOOK_NEW_TIER, change, "KEY", "VIP", null,
                shanghai("2025-03-08T11:00"), shanghai("2025-03-10T16:00")));
        assertThat(first.earlierCycles()).singleElement().satisfies(key -> {
            assertThat(key.tier()).isEqualTo("KEY");
            assertThat(key.endedBy()).isEqualTo(ClockEnd.TIER_CHANGED);
        });
        TargetClock resolution = clock(clocks, SlaTarget.RESOLUTION);
        assertThat(resolution.due()).isEqualTo(shanghai("2025-03-08T14:00"));
        assertThat(resolution.status()).isEqualTo(ClockStatus.ON_TRACK);
        assertThat(resolution.notes()).singleElement().extracting(ClockNote::otherDue).isEqualTo(shanghai("2025-03-12T14:00"));
    }

    @Test
    void keepTheBetterSlaKeepsTheOldDueWhenItIsEarlierEvenIfAlreadyPast() {
        // VIP resolution 2 h from 10:00 is due 12:00; REGULAR's 8 bh from the change at 10:30 would be Wed 09:30.
        var down = List.of(TicketEvent.created(created, "VIP"), TicketEvent.tierChanged(shanghai("2025-03-04T10:30"), "REGULAR"));
        TargetClock kept = clock(clocks(TierChangeRule.KEEP_BETTER, down, shanghai("2025-03-04T10:40")), SlaTarget.RESOLUTION);
        assertThat(kept.due()).isEqualTo(shanghai("2025-03-04T12:00"));
        assertThat(kept.tier()).isEqualTo("VIP");
        assertThat(kept.notes()).containsExactly(new ClockNote(ClockNote.Kind.KEPT_BETTER, shanghai("2025-03-04T10:30"),
                "VIP", "REGULAR", null, shanghai("2025-03-04T12:00"), shanghai("2025-03-05T09:30")));
        // KEY's first response was due 11:00 and is breached; VIP's 30 min from 11:30 would be later: it stays breached.
        var late = List.of(TicketEvent.created(created, "KEY"), TicketEvent.tierChanged(shanghai("2025-03-04T11:30"), "VIP"));
        TargetClock first = clock(clocks(TierChangeRule.KEEP_BETTER, late, shanghai("2025-03-04T11:40")), SlaTarget.FIRST_RESPONSE);
        assertThat(first.due()).isEqualTo(shanghai("2025-03-04T11:00"));
        assertThat(first.status()).isEqualTo(ClockStatus.BREACHED);
        // A target the new tier does not promise runs on, and the trace says so.
        var update = clock(clocks(TierChangeRule.KEEP_BETTER, List.of(TicketEvent.created(created, "KEY"),
                TicketEvent.tierChanged(shanghai("2025-03-04T11:00"), "REGULAR")), shanghai("2025-03-04T11:10")),
                SlaTarget.PERIODIC_UPDATE);
        assertThat(update.notes()).singleElement().extracting(ClockNote::kind).isEqualTo(ClockNote.Kind.KEPT_NOT_IN_NEW_TIER);
        assertThat(update.due()).isEqualTo(shanghai("2025-03-04T14:00"));
    }

    @Test
    void reBaselineRestartsUnderTheNewTierCarryingElapsedAndPausedTime() {
        var history = List.of(TicketEvent.created(created, "KEY"),
                TicketEvent.of(shanghai("2025-03-04T10:10"), AGENT_PUBLIC_REPLY),
                TicketEvent.of(shanghai("2025-03-04T10:30"), PENDING_ON_CUSTOMER),
                TicketEvent.of(shanghai("2025-03-04T11:30"), RESUMED),
                TicketEvent.tierChanged(shanghai("2025-03-04T12:00"), "VIP"));

        var clocks = clocks(TierChangeRule.RE_BASELINE, history, shanghai("2025-03-04T12:10"));

        TargetClock resolution = clock(clocks, SlaTarget.RESOLUTION);
        // KEY time elapsed: 10:00–10:30 and 11:30–12:00 = 1 h; VIP 2 h leaves 1 h on 24×7 from 12:00.
        assertThat(resolution.tier()).isEqualTo("VIP");
        assertThat(resolution.startedAt()).isEqualTo(shanghai("2025-03-04T12:00"));
        assertThat(resolution.carriedOver()).isEqualTo(Duration.ofHours(1));
        assertThat(resolution.due()).isEqualTo(shanghai("2025-03-04T13:00"));
        assertThat(resolution.pauses()).containsExactly(new Pause(shanghai("2025-03-04T10:30"), shanghai("2025-03-04T11:30")));
        assertThat(resolution.elapsed()).isEqualTo(Duration.ofMinutes(70));
        assertThat(resolution.earlierCycles()).singleElement().extracting(TargetClock::tier).isEqualTo("KEY");
        assertThat(resolution.notes()).containsExactly(new ClockNote(ClockNote.Kind.RE_BASELINED,
                shanghai("2025-03-04T12:00"), "KEY", "VIP", Duration.ofHours(1), shanghai("2025-03-04T13:00"), null));
        // A downgrade to REGULAR ends the periodic update it does not promise: not met, not applicable.
        var down = List.of(TicketEvent.created(created, "KEY"), TicketEvent.tierChanged(shanghai("2025-03-04T12:00"), "REGULAR"));
        TargetClock update = clock(clocks(TierChangeRule.RE_BASELINE, down, shanghai("2025-03-04T12:10")), SlaTarget.PERIODIC_UPDATE);
        assertThat(update.notes()).singleElement().extracting(ClockNote::kind).isEqualTo(ClockNote.Kind.ENDED_AT_TIER_CHANGE);
        assertThat(update.status()).isEqualTo(ClockStatus.NOT_APPLICABLE);
        assertThat(update.endedBy()).isEqualTo(ClockEnd.TIER_CHANGED);
    }

    @Test
    void reBaselineCarriesThePausesOfEveryEarlierTierAcrossTwoChanges() {
        var history = List.of(TicketEvent.created(created, "KEY"),
                TicketEvent.of(shanghai("2025-03-04T10:10"), AGENT_PUBLIC_REPLY),
                TicketEvent.of(shanghai("2025-03-04T10:30"), PENDING_ON_CUSTOMER),
                TicketEvent.of(shanghai("2025-03-04T11:30"), RESUMED),
                TicketEvent.tierChanged(shanghai("2025-03-04T12:00"), "VIP"),
                TicketEvent.tierChanged(shanghai("2025-03-04T12:30"), "KEY"));

        TargetClock resolution = clock(clocks(TierChangeRule.RE_BASELINE, history, shanghai("2025-03-04T12:40")),
                SlaTarget.RESOLUTION);

        // 1 h under KEY, 30 min under VIP: 6.5 bh of KEY's 8 remain from 12:30 → 12:30–18:00, Wed 09:00–10:00.
        assertThat(resolution.carriedOver()).isEqualTo(Duration.ofMinutes(90));
        assertThat(resolution.due()).isEqualTo(shanghai("2025-03-05T10:00"));
        assertThat(resolution.pauses()).containsExactly(new Pause(shanghai("2025-03-04T10:30"), shanghai("2025-03-04T11:30")));
        assertThat(resolution.earlierCycles()).extracting(TargetClock::tier).containsExactly("KEY", "VIP");
    }

    @Test
    void reBaselineWhoseCarriedTimeReachesTheNewTargetIsDueAtTheChangeNeverBefore() {
        // 2.5 bh of KEY's resolution elapsed by 12:30; VIP promises 2 h: due at the change, breached after it.
        Instant change = shanghai("2025-03-04T12:30");
        var history = List.of(TicketEvent.created(created, "KEY"),
                TicketEvent.of(shanghai("2025-03-04T10:10"), AGENT_PUBLIC_REPLY), TicketEvent.tierChanged(change, "VIP"));

        TargetClock resolution = clock(clocks(TierChangeRule.RE_BASELINE, history, shanghai("2025-03-04T12:40")),
                SlaTarget.RESOLUTION);

        assertThat(resolution.due()).isEqualTo(change);
        assertThat(resolution.status()).isEqualTo(ClockStatus.BREACHED);
        assertThat(resolution.notes()).containsExactly(new ClockNote(ClockNote.Kind.DUE_AT_TIER_CHANGE, change, "KEY",
                "VIP", Duration.ofMinutes(150), change, null));
    }

    @Test
    void solvingWithoutAReplyLeavesTheFirstResponseNotApplicableByDefaultOrAsConfigured() {
        var history = List.of(TicketEvent.created(created, "KEY"), TicketEvent.of(shanghai("2025-03-04T10:30"), SOLVED));
        Instant later = shanghai("2025-03-04T12:00");

        TargetClock first = clock(clocks(TierChangeRule.KEEP_BETTER, history, later), SlaTarget.FIRST_RESPONSE);
        assertThat(first.status()).isEqualTo(ClockStatus.NOT_APPLICABLE);
        assertThat(first.endedBy()).isEqualTo(ClockEnd.SOLVED);
        assertThat(first.endedAt()).isEqualTo(shanghai("2025-03-04T10:30"));
        TargetClock resolution = clock(clocks(TierChangeRule.KEEP_BETTER, history, later), SlaTarget.RESOLUTION);
        assertThat(resolution.status()).isEqualTo(ClockStatus.MET);
        assertThat(resolution.endedBy()).isEqualTo(ClockEnd.SOLVED);
        assertThat(clock(replay(SolvedWithoutReply.MET).evaluate(history, later), SlaTarget.FIRST_RESPONSE).status())
                .isEqualTo(ClockStatus.MET);
        assertThat(clock(replay(SolvedWithoutReply.BREACHED).evaluate(history, later), SlaTarget.FIRST_RESPONSE).status())
                .isEqualTo(ClockStatus.BREACHED);
        // Solved after the due instant without a reply: the breach has happened, whatever the rule.
        var late = List.of(TicketEvent.created(created, "KEY"), TicketEvent.of(shanghai("2025-03-04T11:30"), SOLVED));
        for (SolvedWithoutReply rule : SolvedWithoutReply.values()) {
            assertThat(clock(replay(rule).evaluate(late, later), SlaTarget.FIRST_RESPONSE).status())
                    .isEqualTo(ClockStatus.BREACHED);
        }
        // Met by a reply, the outcome says so.
        var replied = List.of(TicketEvent.created(created, "KEY"), TicketEvent.of(shanghai("2025-03-04T10:20"), AGENT_PUBLIC_REPLY),
                TicketEvent.of(shanghai("2025-03-04T10:30"), SOLVED));
        TargetClock met = clock(clocks(TierChangeRule.KEEP_BETTER, replied, later), SlaTarget.FIRST_RESPONSE);
        assertThat(met.status()).isEqualTo(ClockStatus.MET);
        assertThat(met.endedBy()).isEqualTo(ClockEnd.AGENT_REPLY);
    }

    @Test
    void aReturnSolvedWithoutADecisionIsNotApplicableAndADecisionMeetsIt() {
        Function<String, Map<SlaTarget, Terms>> returns = tier -> Map.of(
                SlaTarget.RETURN_DECISION, new Terms(Duration.ofHours(24), ALWAYS),
                SlaTarget.RESOLUTION, new Terms(Duration.ofHours(48), BUSINESS));
        var replay = new ClockReplay(returns, TierChangeRule.KEEP_BETTER, SolvedWithoutReply.NOT_APPLICABLE, 0.75);
        Instant later = shanghai("2025-03-06T12:00");

        var solved = List.of(TicketEvent.created(created, "KEY"), TicketEvent.of(shanghai("2025-03-04T15:00"), SOLVED));
        TargetClock undecided = clock(replay.evaluate(solved, later), SlaTarget.RETURN_DECISION);
        assertThat(undecided.status()).isEqualTo(ClockStatus.NOT_APPLICABLE);
        assertThat(undecided.endedBy()).isEqualTo(ClockEnd.SOLVED);

        var decided = List.of(TicketEvent.created(created, "KEY"), TicketEvent.of(shanghai("2025-03-04T14:00"), RETURN_DECIDED),
                TicketEvent.of(shanghai("2025-03-04T15:00"), SOLVED));
        TargetClock decision = clock(replay.evaluate(decided, later), SlaTarget.RETURN_DECISION);
        assertThat(decision.status()).isEqualTo(ClockStatus.MET);
        assertThat(decision.endedBy()).isEqualTo(ClockEnd.RETURN_DECIDED);
    }

    @Test
    void theExplainedClocksAreTheClocksAndTheirStepsEndAtTheDueInstant() {
        var history = List.of(TicketEvent.created(created, "KEY"),
                TicketEvent.of(shanghai("2025-03-04T10:30"), PENDING_ON_CUSTOMER),
                TicketEvent.of(shanghai("2025-03-04T16:00"), RESUMED),
                TicketEvent.tierChanged(shanghai("2025-03-04T16:30"), "VIP"));
        Instant now = shanghai("2025-03-04T16:40");
        ClockReplay replay = replay(SolvedWithoutReply.NOT_APPLICABLE);

        var explained = replay.explain(history, now, Calendars.SHANGHAI);

        assertThat(explained).extracting(ClockReplay.Explained::clock).isEqualTo(replay.evaluate(history, now));
        assertThat(explained).allSatisfy(e -> assertThat(e.steps().due()).isEqualTo(e.clock().due()));
    }

    private static ClockReplay replay(SolvedWithoutReply rule) {
        return new ClockReplay(ClockReplayTests::terms, TierChangeRule.KEEP_BETTER, rule, 0.75);
    }

    private static List<TargetClock> clocks(TierChangeRule rule, List<TicketEvent> history, Instant now) {
        return new ClockReplay(ClockReplayTests::terms, rule, SolvedWithoutReply.NOT_APPLICABLE, 0.75).evaluate(history, now);
    }

    static TargetClock clock(List<TargetClock> clocks, SlaTarget target) {
        return clocks.stream().filter(c -> c.target() == target).findFirst().orElseThrow();
    }
}
