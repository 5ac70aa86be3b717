package com.tierdesk.sla.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.tierdesk.sla.BusinessCalendar;
import com.tierdesk.sla.Calendars;
import com.tierdesk.sla.SlaTarget;
import com.tierdesk.sla.SolvedWithoutReply;
import com.tierdesk.sla.TargetClock;
import com.tierdesk.sla.TicketEvent;
import com.tierdesk.sla.TierChangeRule;
import com.tierdesk.sla.clock.ClockReplay.Terms;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * A tier change never makes a target due before the change: under either rule, a target running at the change is
 * due no earlier than the change, unless it was already due before it (and then stays so).
 */
class TierChangePropertiesTests {

    private static final BusinessCalendar BUSINESS = Calendars.shippedBusiness();
    private static final List<String> TIERS = List.of("VIP", "KEY", "REGULAR", "WATCH");
    private static final long FROM = Instant.parse("2025-01-01T00:00:00Z").getEpochSecond();
    private static final long TO = Instant.parse("2026-12-01T00:00:00Z").getEpochSecond();

    /** The shipped matrix's complaint targets: VIP on 24×7, the others on business hours. */
    private static Map<SlaTarget, Terms> complaint(String tier) {
        var terms = new EnumMap<SlaTarget, Terms>(SlaTarget.class);
        switch (tier) {
            case "VIP" -> {
                terms.put(SlaTarget.FIRST_RESPONSE, new Terms(Duration.ofMinutes(30), Calendars.ALWAYS));
                terms.put(SlaTarget.PERIODIC_UPDATE, new Terms(Duration.ofHours(1), Calendars.ALWAYS));
                terms.put(SlaTarget.RESOLUTION, new Terms(Duration.ofHours(2), Calendars.ALWAYS));
            }
            case "KEY" -> {
                terms.put(SlaTarget.FIRST_RESPONSE, new Terms(Duration.ofHours(1), BUSINESS));
                terms.put(SlaTarget.RESOLUTION, new Terms(Duration.ofHours(8), BUSINESS));
            }
            case "REGULAR" -> {
                terms.put(SlaTarget.FIRST_RESPONSE, new Terms(Duration.ofHours(2), BUSINESS));
                terms.put(SlaTarget.RESOLUTION, new Terms(Duration.ofHours(24), BUSINESS));
            }
            default -> {
                terms.put(SlaTarget.FIRST_RESPONSE, new Terms(Duration.ofHours(4), BUSINESS));
                terms.put(SlaTarget.RESOLUTION, new Terms(Duration.ofHours(48), BUSINESS));
            }
        }
        return terms;
    }

    /** A ticket: created at a random second of 2025–2026, perhaps pending a while, its tier changed later. */
    record Ticket(Instant created, String from, String to, long pendingAfter, long pendingFor, long changeAfter) {

        List<TicketEvent> before() {
            var events = new ArrayList<TicketEvent>();
            events.add(TicketEvent.created(created, from));
            if (pendingAfter < changeAfter) {
                events.add(TicketEvent.of(created.plusSeconds(pendingAfter), TicketEvent.Kind.PENDING_ON_CUSTOMER));
                if (pendingAfter + pendingFor < changeAfter) {
                    events.add(TicketEvent.of(created.plusSeconds(pendingAfter + pendingFor), TicketEvent.Kind.RESUMED));
                }
            }
            return events;
        }

        Instant change() {
            return created.plusSeconds(changeAfter);
        }

        List<TicketEvent> after() {
            var events = new ArrayList<>(before());
            events.add(TicketEvent.tierChanged(change(), to));
            return events;
        }
    }

    @Test
    void keepTheBetterSlaNeverMakesATargetDueBeforeTheChange() {
        qt().forAll(tickets()).checkAssert(ticket -> assertNeverDueBeforeTheChange(TierChangeRule.KEEP_BETTER, ticket));
    }

    @Test
    void reBaselineNeverMakesATargetDueBeforeTheChange() {
        qt().forAll(tickets()).checkAssert(ticket -> assertNeverDueBeforeTheChange(TierChangeRule.RE_BASELINE, ticket));
    }

    private static void assertNeverDueBeforeTheChange(TierChangeRule rule, Ticket ticket) {
        var replay = new ClockReplay(TierChangePropertiesTests::complaint, rule, SolvedWithoutReply.NOT_APPLICABLE, 0.75);
        Instant change = ticket.change();
        List<TargetClock> before = replay.evaluate(ticket.before(), change);
        List<TargetClock> after = replay.evaluate(ticket.after(), change);
        for (TargetClock was : before) {
            after.stream().filter(now -> now.target() == was.target() && now.endedAt() == null).findFirst()
                    .ifPresent(now -> assertThat(now.due()).as("%s %s → %s at %s", was.target(), ticket.from(),
                            ticket.to(), change).isAfterOrEqualTo(earlier(change, was.due())));
        }
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Gen<Ticket> tickets() {
        Gen<Instant> created = longs().between(FROM, TO).map(s -> Instant.ofEpochSecond(s));
        Gen<String> tier = integers().between(0, TIERS.size() - 1).map(i -> TIERS.get(i));
        Gen<Long> seconds = longs().between(0, Duration.ofDays(4).getSeconds());
        return created.zip(tier, tier, seconds, seconds, (at, from, to, pendingAfter, pendingFor) ->
                        new Ticket(at, from, to, pendingAfter, pendingFor, 0))
                .zip(seconds, (t, changeAfter) -> new Ticket(t.created(), t.from(), t.to(), t.pendingAfter(),
                        t.pendingFor(), changeAfter));
    }
}
