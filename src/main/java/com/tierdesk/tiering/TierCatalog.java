package com.tierdesk.tiering;

import com.tierdesk.security.AuditLog;
import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.TextRules;
import com.tierdesk.customer.TierNames;
import com.tierdesk.security.AuditLog;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tier ladder, best tier first (by default VIP, KEY, REGULAR, WATCH): the tiers' codes, which scoring models,
 * SLA policies and care plans key on, and their names in the console. Names and count are configuration; a tier
 * customers hold cannot be taken off the ladder.
 */
@Service
@Transactional(readOnly = true)
public class TierCatalog implements TierNames {

    static final int MOST_TIERS = 10;
    private static final int MAX_NAME = 64;
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");

    private final JdbcClient jdbc;
    private final AuditLog audit;

    TierCatalog(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public List<Tier> tiers() {
        return jdbc.sql("SELECT code, position, name_zh, name_en FROM tier ORDER BY position")
                .query((rs, row) -> new Tier(rs.getString(1), row + 1, rs.getString(3), rs.getString(4)))
                .list();
    }

    /** Tier code to name in the locale, best tier first: how the customer module names its customers' tiers. */
    @Override
    public Map<String, String> names(Locale locale) {
        Map<String, String> names = new LinkedHashMap<>();
        tiers().forEach(tier -> names.put(tier.code(), tier.name(locale)));
        return names;
    }

    public List<String> codes() {
        return tiers().stream().map(Tier::code).toList();
    }

    public Optional<Tier> find(String code) {
        return tiers().stream().filter(tier -> tier.code().equals(code)).findFirst();
    }

    /**
     * Replaces the ladder (best tier first; ranks follow the order given). Scoring models must then list the new
     * ladder in their tier policy before they can assess again, and SLA policies need rows for new tiers.
     */
    @Transactional
    public List<Tier> replace(List<Tier> ladder, String by) {
        List<FieldProblem> problems = new ArrayList<>();
        if (ladder == null || ladder.size() < 2 || ladder.size() > MOST_TIERS) {
            throw InvalidInput.of("tiers", "problem.tier.ladder-size", MOST_TIERS);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ladder.size(); i++) {
            Tier tier = ladder.get(i);
            if (tier == null) {
                problems.add(FieldProblem.of("tiers[" + i + "]", "problem.required"));
                continue;
            }
            if (tier.code() == null || !CODE.matcher(tier.code()).matches()) {
                problems.add(FieldProblem.of("tiers[" + i + "].code", "problem.tier.code-format"));
            } else if (!seen.add(tier.code())) {
                problems.add(FieldProblem.of("tiers[" + i + "].code", "problem.tier.twice", tier.code()));
            }
            String at = "tiers[" + i + "]";
            TextRules.requiredLine(tier.nameZh(), MAX_NAME).ifPresent(reason -> problems.add(new FieldProblem(at + ".nameZh", reason)));
            TextRules.requiredLine(tier.nameEn(), MAX_NAME).ifPresent(reason -> problems.add(new FieldProblem(at + ".nameEn", reason)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        List<String> held = jdbc.sql("SELECT DISTINCT effective_tier FROM customer_tier UNION SELECT DISTINCT assessed_tier "
                + "FROM customer_tier WHERE assessed_tier IS NOT NULL").query(String.class).list();
        List<String> removedButHeld = held.stream().filter(code -> code != null && !seen.contains(code)).sorted().toList();
        if (!removedButHeld.isEmpty()) {
            throw new Conflict("tiers", "problem.tier.held", removedButHeld);
        }
        jdbc.sql("DELETE FROM tier").update();
        for (int i = 0; i < ladder.size(); i++) {
            Tier tier = ladder.get(i);
            jdbc.sql("INSERT INTO tier (code, position, name_zh, name_en) VALUES (:code, :position, :zh, :en)")
                    .param("code", tier.code()).param("position", i + 1).param("zh", tier.nameZh().strip())
                    .param("en", tier.nameEn().strip()).update();
        }
        audit.record(by, "TIER_LADDER_CHANGED", "tiers", String.join(", ", ladder.stream().map(Tier::code).toList()));
        return tiers();
    }
}
