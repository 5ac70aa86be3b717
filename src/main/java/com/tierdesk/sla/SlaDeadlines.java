package com.tierdesk.sla;

import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.sla.PolicyMatrix.MatchedTarget;
import com.tierdesk.sla.PolicyMatrix.PolicyMatch;
import com.tierdesk.tiering.TierCatalog;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deadlines and SLA clocks for a ticket, each with its trace: the policy version and rows that matched and why,
 * the calendars and their holiday data, the pauses and every deadline's steps, in the reader's language.
 */
@Service
@Transactional(readOnly = true)
public class SlaDeadlines {

    private final SlaPolicies policies;
    private final SlaCalendars calendars;
    private final TierCatalog tiers;
    private final SlaSettings settings;
    private final MessageSource messages;

    SlaDeadlines(SlaPolicies policies, SlaCalendars calendars, TierCatalog tiers, SlaSettings settings,
            MessageSource messages) {
        this.policies = policies;
        this.calendars = calendars;
        this.tiers = tiers;
        this.settings = settings;
        this.messages = messages;
    }

    /** Every target's due instant from {@code start}, the clock held during the pauses. */
    public SlaTrace deadlines(DeadlineQuery query, Locale locale) {
        List<FieldProblem> problems = check(query, List.of());
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        BusinessCalendar override = query.calendar() == null || query.calendar().isBlank() ? null
                : calendars.get(query.calendar());
        PolicyMatrix matrix = matrix(query.policyVersion());
        PolicyMatch match = matrix.match(query.tier(), query.type(), query.priority(), query.channel(), query.agentsOnline());
        var writer = new TraceWriter(messages, locale);
        var lines = head(writer, matrix, query.customer(), query.tier(), query.type(), query.priority(), query.channel());
        var loaded = new HashMap<String, BusinessCalendar>();
        var targets = new ArrayList<SlaTrace.TargetTrace>();
        var used = new LinkedHashSet<BusinessCalendar>();
        for (MatchedTarget target : match.targets()) {
            BusinessCalendar calendar = override != null && !isWallClock(target)
                    ? override : loaded.computeIfAbsent(target.calendar(), calendars::get);
            used.add(calendar);
            DeadlineSteps steps = DeadlineSteps.explain(calendar, query.start(), target.duration(), query.pauses(),
                    settings.displayZone());
            var targetLines = new ArrayList<String>();
            targetLines.add(matchLine(writer, target, query.priority(), calendar));
            targetLines.addAll(writer.steps(steps, zoneOf(calendar)));
            targets.add(new SlaTrace.TargetTrace(target.target(), target.duration(), calendar.code(), target.rowIndex(),
                    steps.due(), null, steps, targetLines));
        }
        return finish(writer, matrix, query.customer(), query.tier(), query.type(), query.priority(), query.channel(),
                query.start(), Pause.merged(query.pauses()), targets, used, lines);
    }

    /** The clocks of a ticket replayed from its history, as of {@code now}. */
    public SlaTrace clocks(ClockQuery query, Locale locale) {
        var problems = new ArrayList<FieldProblem>();
        require("type", query.type(), problems);
        if (query.history().isEmpty() || query.history().get(0).kind() != TicketEvent.Kind.CREATED) {
            problems.add(new FieldProblem("history", "must start with a CREATED event naming the tier"));
        }
        for (int i = 0; i < query.history().size(); i++) {
            TicketEvent event = query.history().get(i);
            if (event.tier() != null) {
                checkTier("history[" + i + "].tier", event.tier(), problems);
            }
            if (i > 0 && event.at().isBefore(query.history().get(i - 1).at())) {
                problems.add(new FieldProblem("history[" + i + "].at", "is earlier than the event before it"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        PolicyMatrix matrix = matrix(query.policyVersion());
        Instant now = query.now() == null ? Instant.now() : query.now();
        TierChangeRule rule = query.rule() == null ? settings.tierChangeRule() : query.rule();
        var loaded = new HashMap<String, BusinessCalendar>();
        var matches = new HashMap<String, PolicyMatch>();
        var clock = new SlaClock(tier -> {
            PolicyMatch match = matches.computeIfAbsent(tier, t -> matrix.match(t, query.type(), query.priority(),
                    query.channel(), query.agentsOnline()));
            var terms = new EnumMap<SlaTarget, SlaClock.Terms>(SlaTarget.class);
            match.targets().forEach(t -> terms.put(t.target(), new SlaClock.Terms(t.duration(),
                    loaded.computeIfAbsent(t.calendar(), calendars::get))));
            return terms;
        }, rule, settings.atRisk());
        List<SlaClock.TargetClock> clocks = clock.evaluate(query.history(), now);
        String tier = query.history().get(0).tier();
        var writer = new TraceWriter(messages, locale);
        var lines = head(writer, matrix, query.customer(), tier, query.type(), query.priority(), query.channel());
        lines.add(writer.text("sla.trace.rule", writer.text("sla.rule." + rule.name()),
                Math.round(settings.atRisk() * 100)));
        var targets = new ArrayList<SlaTrace.TargetTrace>();
        var used = new LinkedHashSet<BusinessCalendar>();
        var pauses = new ArrayList<Pause>();
        for (SlaClock.TargetClock c : clocks) {
            BusinessCalendar calendar = loaded.get(c.calendar());
            used.add(calendar);
            MatchedTarget target = matches.get(c.tier()).target(c.target()).orElseThrow();
            Duration left = c.duration().minus(c.carriedOver());
            DeadlineSteps steps = DeadlineSteps.explain(calendar, c.startedAt(), left.isNegative() ? Duration.ZERO : left,
                    c.pauses(), settings.displayZone());
            pauses.addAll(c.pauses());
            var targetLines = new ArrayList<String>();
            targetLines.add(matchLine(writer, target, query.priority(), calendar));
            if (!c.carriedOver().isZero()) {
                targetLines.add(writer.text("sla.trace.clock.carried", writer.duration(c.carriedOver())));
            }
            c.notes().forEach(note -> targetLines.add(writer.note(note, zoneOf(calendar))));
            targetLines.addAll(writer.steps(steps, zoneOf(calendar)));
            targetLines.add(clockLine(writer, c, zoneOf(calendar)));
            targets.add(new SlaTrace.TargetTrace(c.target(), c.duration(), c.calendar(), target.rowIndex(), c.due(), c,
                    steps, targetLines));
        }
        return finish(writer, matrix, query.customer(), tier, query.type(), query.priority(), query.channel(),
                query.history().get(0).at(), Pause.merged(pauses), targets, used, lines);
    }

    /**
     * What is wrong with the query: a missing or unknown tier, type or start, an unknown calendar; after the
     * {@code earlier} problems the caller found reading it, which win for their fields.
     */
    public List<FieldProblem> check(DeadlineQuery query, List<FieldProblem> earlier) {
        var problems = new ArrayList<FieldProblem>();
        checkTier("tier", query.tier(), problems);
        require("type", query.type(), problems);
        require("start", query.start(), problems);
        if (query.calendar() != null && !query.calendar().isBlank() && !calendars.codes().contains(query.calendar())) {
            problems.add(new FieldProblem("calendar", "unknown calendar '" + query.calendar() + "'"));
        }
        var all = new ArrayList<>(earlier);
        var fields = earlier.stream().map(FieldProblem::field).toList();
        problems.stream().filter(problem -> !fields.contains(problem.field())).forEach(all::add);
        return all;
    }

    private SlaTrace finish(TraceWriter writer, PolicyMatrix matrix, String customer, String tier, TicketType type,
            Priority priority, Channel channel, Instant start, List<Pause> pauses, List<SlaTrace.TargetTrace> targets,
            Set<BusinessCalendar> used, List<String> lines) {
        var warnings = new ArrayList<String>();
        for (BusinessCalendar calendar : used) {
            lines.add(calendar.alwaysOpen() ? writer.text("sla.trace.calendar.always", calendar.code(), calendar.name())
                    : writer.text("sla.trace.calendar", calendar.code(), calendar.name(), calendar.zone().getId()));
            var years = new java.util.TreeSet<Integer>();
            targets.stream().filter(t -> t.calendar().equals(calendar.code()))
                    .forEach(t -> years.addAll(yearsBetween(calendar, t.steps().start(), t.due())));
            for (int year : years) {
                calendar.year(year).ifPresentOrElse(
                        data -> lines.add(writer.text("sla.trace.calendar.year", String.valueOf(year), data.source())),
                        () -> warnings.add(writer.text("sla.trace.calendar.noData", calendar.code(), String.valueOf(year))));
            }
        }
        if (pauses.isEmpty()) {
            lines.add(writer.text("sla.trace.noPauses"));
        }
        ZoneId zone = settings.displayZone();
        pauses.forEach(p -> lines.add(writer.text("sla.trace.pause", writer.instant(p.from(), zone),
                writer.instant(p.to(), zone))));
        lines.addAll(warnings);
        for (SlaTrace.TargetTrace target : targets) {
            lines.addAll(target.lines());
        }
        return new SlaTrace(matrix.version(), customer, tier, type, priority, channel, start, pauses,
                List.copyOf(targets), List.copyOf(warnings), List.copyOf(lines));
    }

    private List<String> head(TraceWriter writer, PolicyMatrix matrix, String customer, String tier, TicketType type,
            Priority priority, Channel channel) {
        var lines = new ArrayList<String>();
        lines.add(writer.text("sla.trace.policy", String.valueOf(matrix.version()), matrix.note(), matrix.createdBy()));
        String tierName = tiers.find(tier).map(t -> t.name(Locale.forLanguageTag(writer.text("sla.trace.languageTag"))))
                .orElse(tier);
        lines.add(writer.text("sla.trace.ticket", customer == null || customer.isBlank()
                        ? writer.text("sla.trace.noCustomer") : customer, tierName + " (" + tier + ")",
                writer.name(type), writer.name(priority), writer.name(channel)));
        return lines;
    }

    private String matchLine(TraceWriter writer, MatchedTarget target, Priority priority, BusinessCalendar calendar) {
        if (target.row() == null) {
            return writer.text("sla.trace.liveChat", writer.name(target.target()), writer.duration(target.duration()));
        }
        String why = target.priorityRow() ? writer.text("sla.trace.row.priority", writer.name(priority))
                : writer.text("sla.trace.row.any", writer.name(priority));
        return writer.text("sla.trace.row", writer.name(target.target()), String.valueOf(target.rowIndex() + 1), target.row().tier(),
                writer.name(target.row().type()), writer.name(target.row().priority()),
                writer.duration(target.duration()), calendar.code(), why);
    }

    private static String clockLine(TraceWriter writer, SlaClock.TargetClock c, ZoneId zone) {
        String line = writer.text("sla.trace.clock", writer.name(c.status()), writer.duration(c.elapsed()),
                writer.duration(c.remaining()));
        if (c.metAt() != null) {
            line += writer.text("sla.trace.clock.met", writer.instant(c.metAt(), zone));
        } else if (c.paused()) {
            line += writer.text("sla.trace.clock.paused");
        } else if (c.nextChangeAt() != null) {
            line += writer.text("sla.trace.clock.next", writer.instant(c.nextChangeAt(), zone), writer.name(c.nextStatus()));
        }
        return line;
    }

    private ZoneId zoneOf(BusinessCalendar calendar) {
        return calendar.alwaysOpen() ? settings.displayZone() : calendar.zone();
    }

    private static boolean isWallClock(MatchedTarget target) {
        return PolicyMatrix.LIVE_CHAT_CALENDAR.equals(target.calendar());
    }

    private static Set<Integer> yearsBetween(BusinessCalendar calendar, Instant from, Instant to) {
        var years = new java.util.TreeSet<Integer>();
        if (calendar.alwaysOpen()) {
            return years;
        }
        int first = from.atZone(calendar.zone()).getYear();
        int last = to.atZone(calendar.zone()).getYear();
        for (int year = first; year <= last; year++) {
            years.add(year);
        }
        return years;
    }

    private PolicyMatrix matrix(Integer version) {
        return version == null ? policies.current() : policies.version(version);
    }

    private void checkTier(String field, String tier, List<FieldProblem> problems) {
        if (tier == null || tier.isBlank()) {
            problems.add(new FieldProblem(field, "is missing"));
        } else if (tiers.find(tier).isEmpty()) {
            problems.add(new FieldProblem(field, "unknown tier '" + tier + "'; the tiers are " + String.join(", ", tiers.codes())));
        }
    }

    private static void require(String field, Object value, List<FieldProblem> problems) {
        if (value == null) {
            problems.add(new FieldProblem(field, "is missing"));
        }
    }
}
