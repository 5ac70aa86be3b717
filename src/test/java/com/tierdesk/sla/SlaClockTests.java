package com.tierdesk.sla;

import static com.tierdesk.sla.BusinessCalendarTests.shanghai;
import static com.tierdesk.sla.TicketEvent.Kind.AGENT_PUBLIC_REPLY;
import static com.tierdesk.sla.TicketEvent.Kind.CUSTOMER_MESSAGE;
import static com.tierdesk.sla.TicketEvent.Kind.PENDING_ON_CUSTOMER;
import static com.tierdesk.sla.TicketEvent.Kind.PENDING_ON_THIRD_PARTY;
import static com.tierdesk.sla.TicketEvent.Kind.REOPENED;
import static com.tierdesk.sla.TicketEvent.Kind.RESUMED;
import static com.tierdesk.sla.TicketEvent.Kind.SOLVED;
import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.sla.SlaClock.TargetClock;
import com.tierdesk.sla.SlaClock.Terms;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One test per rule of the SLA clock (SPEC §3), on the business calendar (Mon–Fri 09:00–18:00) unless said. */
class SlaClockTests {

    private static final BusinessCalendar BUSINESS = Calendars.springFestival2025();
    private static final BusinessCalendar ALWAYS = BusinessCalendar.twentyFourSeven("24x7", "24x7");

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
        assertThat(first.metAt()).isEqualTo(shanghai("2025-03-04T10:40"));
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

    @Test
    void keepTheBetterSlaTakesTheNewTiersEarlierDueFromTheSameStart() {
        var history = List.of(TicketEvent.created(created, "KEY"),
                TicketEvent.of(shanghai("2025-03-04T10:10"), AGENT_PUBLIC_REPLY),
                TicketEvent.tierChanged(shanghai("2025-03-04T11:00"), "VIP"));

        var clocks = clocks(TierChangeRule.KEEP_BETTER, history, shanghai("2025-03-04T11:10"));

        // KEY resolution would be due 18:00 (8 bh from 10:00); VIP's 2 h on 24×7 from 10:00 is better: 12:00.
        TargetClock resolution = clock(clocks, SlaTarget.RESOLUTION);
        assertThat(resolution.due()).isEqualTo(shanghai("2025-03-04T12:00"));
        assertThat(resolution.tier()).isEqualTo("VIP");
        assertThat(resolution.startedAt()).isEqualTo(created);
        // Back down to REGULAR: the VIP due stays, being better.
        var down = List.of(TicketEvent.created(created, "VIP"), TicketEvent.tierChanged(shanghai("2025-03-04T10:30"), "REGULAR"));
        TargetClock kept = clock(clocks(TierChangeRule.KEEP_BETTER, down, shanghai("2025-03-04T10:40")), SlaTarget.RESOLUTION);
        assertThat(kept.due()).isEqualTo(shanghai("2025-03-04T12:00"));
        assertThat(kept.tier()).isEqualTo("VIP");
        assertThat(kept.notes()).singleElement().extracting(ClockNote::kind).isEqualTo(ClockNote.Kind.KEPT_BETTER);
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
                shanghai("2025-03-04T12:00"), "KEY", "VIP", Duration.ofHours(1), null, null));
        // A downgrade to REGULAR drops the periodic update it does not promise.
        var down = List.of(TicketEvent.created(created, "KEY"), TicketEvent.tierChanged(shanghai("2025-03-04T12:00"), "REGULAR"));
        TargetClock update = clock(clocks(TierChangeRule.RE_BASELINE, down, shanghai("2025-03-04T12:10")), SlaTarget.PERIODIC_UPDATE);
        assertThat(update.notes()).singleElement().extracting(ClockNote::kind)
                .isEqualTo(ClockNote.Kind.ENDED_AT_TIER_CHANGE);
    }

    private static List<TargetClock> clocks(TierChangeRule rule, List<TicketEvent> history, Instant now) {
        return new SlaClock(SlaClockTests::terms, rule, 0.75).evaluate(history, now);
    }

    private static TargetClock clock(List<TargetClock> clocks, SlaTarget target) {
        return clocks.stream().filter(c -> c.target() == target).findFirst().orElseThrow();
    }
}
