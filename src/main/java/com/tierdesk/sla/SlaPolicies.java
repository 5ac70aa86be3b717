package com.tierdesk.sla;

import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.InvalidValue;
import com.tierdesk.shared.NotFound;
import com.tierdesk.shared.Reason;
import com.tierdesk.sla.internal.CalendarRepository;
import com.tierdesk.sla.internal.CommittedCache;
import com.tierdesk.sla.internal.DurationText;
import com.tierdesk.sla.internal.PolicyRepository;
import com.tierdesk.sla.internal.SlaInputs;
import com.tierdesk.tiering.TierCatalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The versioned SLA policy matrix. Versions are never changed: publishing an edit stores a new version, and the
 * old ones stay readable, so a ticket keeps the version it started under.
 */
@Service
@Transactional(readOnly = true)
public class SlaPolicies {

    /** The most rows a version may hold: every tier, type, priority and target, and room to spare. */
    public static final int MAX_ROWS = 2_000;

    private final PolicyRepository policies;
    private final CalendarRepository calendars;
    private final TierCatalog tiers;
    private final BusinessTime time;
    private final CommittedCache<Integer, PolicyMatrix> kept = new CommittedCache<>();

    SlaPolicies(PolicyRepository policies, CalendarRepository calendars, TierCatalog tiers, BusinessTime time) {
        this.policies = policies;
        this.calendars = calendars;
        this.tiers = tiers;
        this.time = time;
    }

    public PolicyMatrix current() {
        return version(currentVersion());
    }

    /** The number of the version in force: the latest published. */
    public int currentVersion() {
        return policies.latestVersion().orElseThrow(() -> new NotFound("version", "problem.no-policy"));
    }

    /** A version, read once and then kept: versions never change. */
    public PolicyMatrix version(int version) {
        return kept.get(version, 0, () -> policies.find(version))
                .orElseThrow(() -> new NotFound("version", "problem.no-policy-version", version));
    }

    /** Every version, latest first, without their rows. */
    public List<PolicyMatrix> versions() {
        return policies.versions();
    }

    /** Validates the draft and stores it as the next version; nothing is stored if any value is wrong. */
    @Transactional
    public PolicyMatrix publish(PolicyDraft draft, String user) {
        var problems = new ArrayList<FieldProblem>();
        PolicyNote note = draft.note() == null ? PolicyNote.NONE : draft.note();
        String noteZh = SlaInputs.line("note.zh", note.zh(), 500, problems);
        String noteEn = SlaInputs.line("note.en", note.en(), 500, problems);
        Duration liveChat = duration("liveChatFirstReply", draft.liveChatFirstReply(), problems);
        List<PolicyDraft.Row> drafts = draft.rows() == null ? List.of() : draft.rows();
        if (!SlaInputs.atMost("rows", drafts, MAX_ROWS, problems)) {
            throw new InvalidInput(problems);
        }
        var rows = new ArrayList<PolicyRow>();
        var positions = new ArrayList<Integer>();
        for (int i = 0; i < drafts.size(); i++) {
            PolicyDraft.Row row = drafts.get(i);
            if (row == null || row.blank()) {
                continue;
            }
            String at = "rows[" + i + "].";
            String tier = SlaInputs.line(at + "tier", row.tier(), 32, problems);
            rows.add(new PolicyRow(tier == null || tier.isEmpty() ? null : tier.toUpperCase(Locale.ROOT),
                    SlaInputs.parse(TicketType.class, at + "type", row.type(), false, problems),
                    SlaInputs.parse(Priority.class, at + "priority", row.priority(), true, problems),
                    SlaInputs.parse(SlaTarget.class, at + "target", row.target(), false, problems),
                    duration(at + "duration", row.duration(), problems),
                    SlaInputs.line(at + "calendar", row.calendar(), 64, problems)));
            positions.add(i);
        }
        var matrix = new PolicyMatrix(0, null, user, new PolicyNote(noteZh, noteEn), liveChat, rows);
        var named = problems.stream().map(FieldProblem::field).collect(Collectors.toSet());
        for (FieldProblem problem : matrix.problems(tiers.codes(), calendars.codes())) {
            FieldProblem renumbered = renumbered(problem, positions);
            if (!named.contains(renumbered.field())) {
                problems.add(renumbered);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems.stream().distinct().toList());
        }
        return version(policies.insert(matrix, time.now()));
    }

    /** The matrix's row paths count the non-blank rows; the caller's count every row it sent. */
    private static FieldProblem renumbered(FieldProblem problem, List<Integer> positions) {
        if (problem.field() == null || !problem.field().startsWith("rows[")) {
            return problem;
        }
        int close = problem.field().indexOf(']');
        int index = Integer.parseInt(problem.field().substring(5, close));
        Reason reason = problem.reason();
        if (reason.code().equals(PolicyMatrix.REPEATED_ROW)) {
            List<Object> arguments = new ArrayList<>(reason.arguments());
            arguments.set(0, positions.get(Integer.parseInt((String) arguments.get(0))));
            reason = new Reason(reason.code(), arguments);
        }
        return new FieldProblem("rows[" + positions.get(index) + "]" + problem.field().substring(close + 1), reason);
    }

    private static Duration duration(String field, String text, List<FieldProblem> problems) {
        try {
            return DurationText.parse(text);
        } catch (InvalidValue e) {
            problems.add(new FieldProblem(field, e.reason()));
            return null;
        }
    }
}
