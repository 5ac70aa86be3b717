package com.tierdesk.sla;

import com.tierdesk.shared.ApiProblems;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.sla.PolicyMatrix.MatchedTarget;
import com.tierdesk.sla.PolicyMatrix.PolicyMatch;
import com.tierdesk.sla.calendar.WorkingTime;
import com.tierdesk.sla.clock.ClockReplay;
import com.tierdesk.sla.internal.DurationText;
import com.tierdesk.sla.internal.SlaInputs;
import com.tierdesk.tiering.TierCatalog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deadlines and SLA clocks for a ticket, each with its trace: the policy version and rows that matched and why,
 * the calendars and their holiday data, the pauses and every deadline's steps, from the computation that gave it.
 */
@Service
@Transactional(readOnly = true)
public class SlaDeadlines {

    /** The most pauses one query may hold. */
    public static final int MAX_PAUSES = 1_000;
    /** The most events one history may hold. */
    public static final int MAX_EVENTS = 10_000;
    private static final int CUSTOMER_LENGTH = 100;

    private final SlaPolicies policies;
    private final SlaCalendars calendars;
    private final TierCatalog tiers;
    private final SlaSettings settings;
    private final BusinessTime time;

    SlaDeadlines(SlaPolicies policies, SlaCalendars calendars, TierCatalog tiers, SlaSettings settings,
            BusinessTime time) {
        this.policies = policies;
        this.calendars = calendars;
        this.tiers = tiers;
        this.settings = settings;
        this.time = time;
    }

    /** Every target's due instant from {@code start}, the clock held during the pauses. */
    public SlaTrace deadlines(DeadlineQuery query) {
        List<FieldProblem> problems = check(query, List.of());
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Function<String, BusinessCalendar> current = calendars.current();
        BusinessCalendar override = query.calendar() == null || query.calendar().isBlank() ? null
                : current.apply(query.calendar().strip());
        String tier = query.tier().strip();
        PolicyMatrix matrix = matrix(query.policyVersion());
        PolicyMatch match = matrix.match(tier, query.type(), query.priority(), query.channel(), query.agentsOnline());
        var loaded = new HashMap<String, BusinessCalendar>();
        var targets = new ArrayList<SlaTrace.TargetTrace>();
        for (MatchedTarget target : match.targets()) {
            BusinessCalendar calendar = override != null && !isWallClock(target)
                    ? override : loaded.computeIfAbsent(target.calendar(), current);
            DeadlineSteps steps = counted(calendar,
                    () -> calendar.explain(query.start(), target.duration(), query.pauses(), time.zone()));
            targets.add(new SlaTrace.TargetTrace(target.target(), tier, target.duration(), calendar.code(),
                    target.rowIndex(), target.row(), target.priorityRow(), steps.due(), null, steps));
        }
        if (override != null) {
            loaded.put(override.code(), override);
        }
        return new SlaTrace(policy(matrix), customer(query.customer()), tier, query.type(), query.priority(),
                query.channel(), query.start(), Pause.merged(query.pauses()), null, List.copyOf(targets),
                calendarsUsed(targets, loaded));
    }

    /** The instant at which a plain duration of working time on a calendar has passed since the start. */
    public DurationTrace duration(DurationQuery query) {
        List<FieldProblem> problems = check(query, List.of());
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        BusinessCalendar calendar = calendars.get(query.calendar().strip());
        DeadlineSteps steps = counted(calendar,
                () -> calendar.explain(query.start(), query.duration(), query.pauses(), time.zone()));
        return new DurationTrace(query.start(), query.duration(), Pause.merged(query.pauses()),
                use(calendar, spanned(calendar, steps.start(), steps.due())), steps);
    }

    /**
     * What is wrong with a plain duration: a missing or unknown calendar, a missing start or one outside the years
     * tickets live in, a duration that is missing, not longer than zero or longer than a year, too many pauses;
     * after the {@code earlier} problems the caller found reading it, which win for their fields.
     */
    public List<FieldProblem> check(DurationQuery query, List<FieldProblem> earlier) {
        var problems = new ArrayList<FieldProblem>();
        String calendar = SlaInputs.requiredLine("calendar", query.calendar(), 64, problems);
        if (calendar != null && !calendars.codes().contains(calendar)) {
            problems.add(FieldProblem.of("calendar", "problem.unknown-calendar", ApiProblems.echo(calendar)));
        }
        if (require("start", query.start(), problems)) {
            SlaInputs.instant("start", query.start(), problems);
        }
        if (require("duration", query.duration(), problems)) {
            if (query.duration().isZero() || query.duration().isNegative()) {
                problems.add(FieldProblem.of("duration", "problem.positive-duration"));
            } else if (query.duration().compareTo(DurationText.MAX) > 0) {
                problems.add(FieldProblem.of("duration", "problem.duration.at-most-a-year"));
            }
        }
        checkPauses(query.pauses(), problems);
        return merged(earlier, problems);
    }

    /** The clocks of a ticket replayed from its history, as of {@code now} (the present if not given). */
    public SlaTrace clocks(ClockQuery query) {
        Replay replay = replay(query);
        List<ClockReplay.Explained> clocks = counted(null,
                () -> replay.clocks().explain(replay.history(), replay.now(), time.zone()));
        var targets = new ArrayList<SlaTrace.TargetTrace>();
        var pauses = new ArrayList<Pause>();
        for (ClockReplay.Explained explained : clocks) {
            TargetClock clock = explained.clock();
            MatchedTarget target = replay.matches().get(clock.tier()).target(clock.target()).orElseThrow();
            pauses.addAll(clock.pauses());
            targets.add(new SlaTrace.TargetTrace(clock.target(), clock.tier(), clock.duration(), clock.calendar(),
                    target.rowIndex(), target.row(), target.priorityRow(), clock.due(), clock, explained.steps()));
        }
        TicketEvent created = replay.history().get(0);
        return new SlaTrace(policy(replay.matrix()), customer(query.customer()), created.tier(), query.type(),
                query.priority(), query.channel(), created.at(), Pause.merged(pauses), replay.rules(),
                List.copyOf(targets), calendarsUsed(targets, replay.calendars()));
    }

    /**
     * The clocks of {@link #clocks}, without the steps that explain their deadlines: what a ticket stores after each
     * of its changes, at a fraction of the cost.
     */
    public List<TargetClock> states(ClockQuery query) {
        Replay replay = replay(query);
        return counted(null, () -> replay.clocks().evaluate(replay.history(), replay.now()));
    }

    /** A validated clock query, ready to replay: the matrix, the rules, and the tiers' terms as they are looked up. */
    private record Replay(PolicyMatrix matrix, SlaTrace.ClockRules rules, ClockReplay clocks,
            List<TicketEvent> history, Instant now, Map<String, PolicyMatch> matches,
            Map<String, BusinessCalendar> calendars) {
    }

    private Replay replay(ClockQuery query) {
        Instant now = query.now() == null ? time.now() : query.now();
        List<FieldProblem> problems = check(query, now);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        PolicyMatrix matrix = matrix(query.policyVersion());
        var rules = new SlaTrace.ClockRules(query.rule() == null ? settings.tierChangeRule() : query.rule(),
                query.solvedWithoutReply() == null ? settings.solvedWithoutReply() : query.solvedWithoutReply(),
                settings.atRisk());
        Function<String, BusinessCalendar> current = calendars.current();
        var loaded = new HashMap<String, BusinessCalendar>();
        var matches = new HashMap<String, PolicyMatch>();
        var clocks = new ClockReplay(tier -> {
            PolicyMatch match = matches.computeIfAbsent(tier, t -> matrix.match(t, query.type(), query.priority(),
                    query.channel(), query.agentsOnline()));
            var terms = new EnumMap<SlaTarget, ClockReplay.Terms>(SlaTarget.class);
            match.targets().forEach(t -> terms.put(t.target(), new ClockReplay.Terms(t.duration(),
                    loaded.computeIfAbsent(t.calendar(), current))));
            return terms;
        }, rules.tierChange(), rules.solvedWithoutReply(), rules.atRisk());
        List<TicketEvent> history = query.history().stream().map(e -> e.tier() == null ? e
                : new TicketEvent(e.at(), e.kind(), e.tier().strip())).toList();
        return new Replay(matrix, rules, clocks, history, now, matches, loaded);
    }

    /**
     * What is wrong with the query: a missing or unknown tier, type or start, an instant outside the years tickets
     * live in, too many pauses, an unknown calendar, a text the text rules refuse; after the {@code earlier}
     * problems the caller found reading it, which win for their fields.
     */
    public List<FieldProblem> check(DeadlineQuery query, List<FieldProblem> earlier) {
        var problems = new ArrayList<FieldProblem>();
        SlaInputs.line("customer", query.customer(), CUSTOMER_LENGTH, problems);
        checkTier("tier", query.tier(), problems);
        require("type", query.type(), problems);
        if (require("start", query.start(), problems)) {
            SlaInputs.instant("start", query.start(), problems);
        }
        checkPauses(query.pauses(), problems);
        String calendar = SlaInputs.line("calendar", query.calendar(), 64, problems);
        if (calendar != null && !calendar.isEmpty() && !calendars.codes().contains(calendar)) {
            problems.add(FieldProblem.of("calendar", "problem.unknown-calendar", ApiProblems.echo(calendar)));
        }
        return merged(earlier, problems);
    }

    private static void checkPauses(List<Pause> pauses, List<FieldProblem> problems) {
        if (SlaInputs.atMost("pauses", pauses, MAX_PAUSES, problems)) {
            for (int i = 0; i < pauses.size(); i++) {
                Pause pause = pauses.get(i);
                SlaInputs.instant("pauses[" + i + "].from", pause.from(), problems);
                SlaInputs.instant("pauses[" + i + "].to", pause.to(), problems);
            }
        }
    }

    /** The caller's problems, then this check's for the fields the caller found nothing wrong with. */
    private static List<FieldProblem> merged(List<FieldProblem> earlier, List<FieldProblem> problems) {
        var all = new ArrayList<>(earlier);
        var fields = earlier.stream().map(FieldProblem::field).toList();
        problems.stream().filter(problem -> !fields.contains(problem.field())).forEach(all::add);
        return all;
    }

    private List<FieldProblem> check(ClockQuery query, Instant now) {
        var problems = new ArrayList<FieldProblem>();
        SlaInputs.line("customer", query.customer(), CUSTOMER_LENGTH, problems);
        require("type", query.type(), problems);
        List<TicketEvent> history = query.history();
        if (history.isEmpty() || history.get(0).kind() != TicketEvent.Kind.CREATED) {
            problems.add(FieldProblem.of("history", "problem.clock.created-first"));
        }
        if (!SlaInputs.atMost("history", history, MAX_EVENTS, problems)) {
            return problems;
        }
        for (int i = 0; i < history.size(); i++) {
            TicketEvent event = history.get(i);
            if (event.tier() != null) {
                checkTier("history[" + i + "].tier", event.tier(), problems);
            }
            SlaInputs.instant("history[" + i + "].at", event.at(), problems);
            if (i > 0 && event.at().isBefore(history.get(i - 1).at())) {
                problems.add(FieldProblem.of("history[" + i + "].at", "problem.clock.event-order"));
            }
        }
        if (SlaInputs.instant("now", now, problems) && !history.isEmpty() && now.isBefore(history.get(0).at())) {
            problems.add(FieldProblem.of("now", "problem.clock.before-created", history.get(0).at()));
        }
        return problems;
    }

    /**
     * Runs a computation, refusing as input a deadline the calendar cannot reach: so little working time that it
     * would fall beyond the years laid out.
     */
    private static <T> T counted(BusinessCalendar calendar, Supplier<T> computation) {
        try {
            return computation.get();
        } catch (WorkingTime.YearOutOfRange e) {
            throw calendar == null
                    ? InvalidInput.of("calendar", "problem.calendar.too-little", WorkingTime.LAST_YEAR)
                    : InvalidInput.of("calendar", "problem.calendar.too-little-named", calendar.code(), WorkingTime.LAST_YEAR);
        }
    }

    /** Each calendar used, in the order of the targets, with its holiday data for every year its deadlines span. */
    private static List<SlaTrace.CalendarUse> calendarsUsed(List<SlaTrace.TargetTrace> targets,
            Map<String, BusinessCalendar> byCode) {
        var years = new LinkedHashMap<String, TreeSet<Integer>>();
        for (SlaTrace.TargetTrace target : targets) {
            BusinessCalendar calendar = byCode.get(target.calendar());
            years.computeIfAbsent(calendar.code(), code -> new TreeSet<>())
                    .addAll(spanned(calendar, target.steps().start(), target.due()));
        }
        var used = new ArrayList<SlaTrace.CalendarUse>();
        years.forEach((code, spanned) -> used.add(use(byCode.get(code), spanned)));
        return List.copyOf(used);
    }

    /** The calendar's local years from the start to the due instant (none on a 24×7 calendar). */
    private static TreeSet<Integer> spanned(BusinessCalendar calendar, Instant start, Instant due) {
        var spanned = new TreeSet<Integer>();
        if (!calendar.alwaysOpen()) {
            int last = due.atZone(calendar.zone()).getYear();
            for (int y = start.atZone(calendar.zone()).getYear(); y <= last; y++) {
                spanned.add(y);
            }
        }
        return spanned;
    }

    private static SlaTrace.CalendarUse use(BusinessCalendar calendar, TreeSet<Integer> years) {
        return new SlaTrace.CalendarUse(calendar.code(), calendar.name(),
                calendar.alwaysOpen() ? null : calendar.zone().getId(), calendar.alwaysOpen(),
                years.stream().map(year -> new SlaTrace.HolidayData(year, calendar.hasDataFor(year),
                        calendar.year(year).map(HolidayYear::source).orElse(null))).toList());
    }

    private static SlaTrace.Policy policy(PolicyMatrix matrix) {
        return new SlaTrace.Policy(matrix.version(), matrix.note(), matrix.createdBy());
    }

    private static String customer(String customer) {
        return customer == null || customer.isBlank() ? null : customer.strip();
    }

    private static boolean isWallClock(MatchedTarget target) {
        return PolicyMatrix.LIVE_CHAT_CALENDAR.equals(target.calendar());
    }

    private PolicyMatrix matrix(Integer version) {
        return version == null ? policies.current() : policies.version(version);
    }

    private void checkTier(String field, String tier, List<FieldProblem> problems) {
        String value = SlaInputs.requiredLine(field, tier, 32, problems);
        if (value != null && tiers.find(value).isEmpty()) {
            problems.add(FieldProblem.of(field, "problem.sla.unknown-tier", ApiProblems.echo(value), String.join(", ", tiers.codes())));
        }
    }

    private static boolean require(String field, Object value, List<FieldProblem> problems) {
        if (value == null) {
            problems.add(FieldProblem.of(field, "problem.missing"));
            return false;
        }
        return true;
    }
}
