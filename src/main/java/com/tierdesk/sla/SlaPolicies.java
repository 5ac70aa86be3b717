package com.tierdesk.sla;

import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.NotFound;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.sla.internal.CalendarRepository;
import com.tierdesk.sla.internal.PolicyRepository;
import com.tierdesk.tiering.TierCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The versioned SLA policy matrix. Versions are never changed: publishing an edit stores a new version, and the
 * old ones stay readable, so a ticket keeps the version it started under.
 */
@Service
@Transactional(readOnly = true)
public class SlaPolicies {

    private final PolicyRepository policies;
    private final CalendarRepository calendars;
    private final TierCatalog tiers;

    SlaPolicies(PolicyRepository policies, CalendarRepository calendars, TierCatalog tiers) {
        this.policies = policies;
        this.calendars = calendars;
        this.tiers = tiers;
    }

    public PolicyMatrix current() {
        return version(policies.latestVersion().orElseThrow(() -> NotFound.because("version", "no policy version")));
    }

    public PolicyMatrix version(int version) {
        return policies.find(version)
                .orElseThrow(() -> NotFound.because("version", "no policy version " + version));
    }

    /** Every version, latest first, without their rows. */
    public List<PolicyMatrix> versions() {
        return policies.versions();
    }

    /** Validates the draft and stores it as the next version; nothing is stored if any value is wrong. */
    @Transactional
    public PolicyMatrix publish(PolicyDraft draft, String user) {
        var problems = new ArrayList<FieldProblem>();
        Duration liveChat = duration("liveChatFirstReply", draft.liveChatFirstReply(), problems);
        var rows = new ArrayList<PolicyRow>();
        List<PolicyDraft.Row> drafts = draft.rows() == null ? List.of() : draft.rows();
        var positions = new ArrayList<Integer>();
        for (int i = 0; i < drafts.size(); i++) {
            PolicyDraft.Row row = drafts.get(i);
            if (row == null || row.blank()) {
                continue;
            }
            String at = "rows[" + i + "].";
            rows.add(new PolicyRow(row.tier() == null ? null : row.tier().strip().toUpperCase(Locale.ROOT),
                    SlaInputs.parse(TicketType.class, at + "type", row.type(), false, problems),
                    SlaInputs.parse(Priority.class, at + "priority", row.priority(), true, problems),
                    SlaInputs.parse(SlaTarget.class, at + "target", row.target(), false, problems),
                    duration(at + "duration", row.duration(), problems),
                    row.calendar() == null ? null : row.calendar().strip()));
            positions.add(i);
        }
        String note = draft.note() == null ? "" : draft.note().strip();
        if (note.length() > 500) {
            problems.add(new FieldProblem("note", "must be at most 500 characters"));
        }
        var matrix = new PolicyMatrix(0, null, user, note, liveChat, rows);
        var named = problems.stream().map(FieldProblem::field).collect(java.util.stream.Collectors.toSet());
        for (FieldProblem problem : matrix.problems(tiers.codes(), calendars.codes())) {
            FieldProblem renumbered = renumbered(problem, positions);
            if (!named.contains(renumbered.field())) {
                problems.add(renumbered);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems.stream().distinct().toList());
        }
        return version(policies.insert(matrix, Instant.now()));
    }

    /** The matrix's row paths count the non-blank rows; the caller's count every row it sent. */
    private static FieldProblem renumbered(FieldProblem problem, List<Integer> positions) {
        if (problem.field() == null || !problem.field().startsWith("rows[")) {
            return problem;
        }
        int close = problem.field().indexOf(']');
        int index = Integer.parseInt(problem.field().substring(5, close));
        String reason = problem.reason();
        var repeat = java.util.regex.Pattern.compile("rows\\[(\\d+)]").matcher(reason);
        reason = repeat.replaceAll(m -> "rows[" + positions.get(Integer.parseInt(m.group(1))) + "]");
        return new FieldProblem("rows[" + positions.get(index) + "]" + problem.field().substring(close + 1), reason);
    }

    private static Duration duration(String field, String text, List<FieldProblem> problems) {
        try {
            return DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, e.getMessage()));
            return null;
        }
    }
}
