package com.tierdesk.customer;

import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.Reason;
import com.tierdesk.shared.TextRules;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Checks drafts against {@link FieldRules} and the shared {@link TextRules} (every text one line, but an
 * interaction's detail) and brings them to their stored form (texts stripped,
 * blanks absent, phones without separators, times to the microsecond the database keeps).
 * Reports every broken rule at once.
 */
final class DraftRules {

    private final List<FieldProblem> problems = new ArrayList<>();

    private DraftRules() {
    }

    static CustomerDraft customer(CustomerDraft draft, LocalDate today) {
        var rules = new DraftRules();
        rules.check("code", FieldRules.code(draft.code()));
        rules.check("name", TextRules.requiredLine(draft.name(), FieldRules.MAX_NAME_LENGTH));
        if (draft.kind() == null) {
            rules.problem("kind", Reason.of("problem.customer.kind-required"));
        }
        rules.check("industry", TextRules.line(draft.industry(), 64));
        rules.check("contactPerson", TextRules.line(draft.contactPerson(), 100));
        rules.check("phone", FieldRules.phone(text(draft.phone())));
        rules.check("email", FieldRules.email(text(draft.email())));
        rules.check("region", TextRules.line(draft.region(), 100));
        rules.check("birthday", FieldRules.birthday(draft.birthday(), today));
        rules.check("registeredOn", FieldRules.date(draft.registeredOn()));
        rules.check("membershipExpiresOn", FieldRules.date(draft.membershipExpiresOn()));
        rules.check("owner", TextRules.line(draft.owner(), 100));
        List<String> tags = draft.tags() == null ? null : rules.checkTags(draft.tags(), "tags");
        rules.throwIfAny();
        String phone = text(draft.phone());
        return new CustomerDraft(draft.code(), text(draft.name()), draft.kind(), text(draft.industry()),
                text(draft.contactPerson()), phone == null ? null : FieldRules.normalisePhone(phone),
                text(draft.email()), text(draft.region()), draft.birthday(), draft.registeredOn(),
                draft.membershipExpiresOn(), text(draft.owner()),
                draft.consent() == null ? Consent.NONE : draft.consent(), tags);
    }

    /** Valid tags, stripped, without repeats, sorted. */
    static List<String> tags(List<String> tags, String field) {
        var rules = new DraftRules();
        List<String> result = rules.checkTags(tags, field);
        rules.throwIfAny();
        return result;
    }

    static OrderDraft order(OrderDraft draft) {
        var rules = new DraftRules();
        rules.check("externalId", FieldRules.code(draft.externalId()));
        rules.check("customerCode", FieldRules.code(draft.customerCode()));
        BigDecimal amount = rules.amount("amount", draft.amount());
        BigDecimal refund = draft.refundAmount() == null ? BigDecimal.ZERO.setScale(2)
                : rules.amount("refundAmount", draft.refundAmount());
        rules.check("refundAmount", FieldRules.refund(amount, refund));
        if (draft.placedAt() == null) {
            rules.problem("placedAt", Reason.of("problem.required"));
        }
        rules.check("placedAt", FieldRules.instant(draft.placedAt()));
        rules.check("paidAt", FieldRules.instant(draft.paidAt()));
        rules.check("paidAt", FieldRules.paidAt(draft.placedAt(), draft.paidAt()));
        if (draft.status() == null) {
            rules.problem("status", Reason.of("problem.required"));
        }
        if (draft.lines() != null) {
            OrderLines.problems(draft.lines(), "lines").forEach(p -> rules.problem(p.field(), p.reason()));
        }
        rules.throwIfAny();
        return new OrderDraft(draft.externalId(), draft.customerCode(), amount, refund, micros(draft.placedAt()),
                micros(draft.paidAt()), draft.status(), draft.lines() == null ? null : List.copyOf(draft.lines()));
    }

    static InteractionDraft interaction(InteractionDraft draft) {
        var rules = new DraftRules();
        rules.check("externalId", FieldRules.code(draft.externalId()));
        rules.check("customerCode", FieldRules.code(draft.customerCode()));
        if (draft.kind() == null) {
            rules.problem("kind", Reason.of("problem.required"));
        }
        if (draft.occurredAt() == null) {
            rules.problem("occurredAt", Reason.of("problem.required"));
        }
        rules.check("occurredAt", FieldRules.instant(draft.occurredAt()));
        rules.check("channel", TextRules.line(draft.channel(), 32));
        rules.check("subject", TextRules.line(draft.subject(), 200));
        rules.check("detail", TextRules.multiline(draft.detail(), FieldRules.MAX_DETAIL_LENGTH));
        rules.check("product", TextRules.line(draft.product(), 100));
        rules.check("usageHours", FieldRules.usageHours(draft.usageHours()));
        rules.check("featureActivationRate", FieldRules.activationRate(draft.featureActivationRate()));
        String referred = text(draft.referredCustomerCode());
        if (referred != null) {
            rules.check("referredCustomerCode", FieldRules.code(referred));
        }
        rules.throwIfAny();
        return new InteractionDraft(draft.externalId(), draft.customerCode(), draft.kind(), micros(draft.occurredAt()),
                text(draft.channel()), text(draft.subject()), text(draft.detail()), text(draft.product()),
                scaled(draft.usageHours(), 2), scaled(draft.featureActivationRate(), 4), referred);
    }

    private List<String> checkTags(List<String> tags, String field) {
        var result = new TreeSet<String>();
        for (int i = 0; i < tags.size(); i++) {
            Optional<Reason> problem = FieldRules.tag(tags.get(i));
            check(field + "[" + i + "]", problem);
            if (problem.isEmpty()) {
                result.add(tags.get(i).strip());
            }
        }
        return List.copyOf(result);
    }

    private BigDecimal amount(String field, BigDecimal value) {
        try {
            return FieldRules.checkAmount(value);
        } catch (FieldRules.InvalidField e) {
            problem(field, e.reason());
            return null;
        }
    }

    private void check(String field, Optional<Reason> reason) {
        reason.ifPresent(r -> problem(field, r));
    }

    private void problem(String field, Reason reason) {
        problems.add(new FieldProblem(field, reason));
    }

    private void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Instant micros(Instant value) {
        return value == null ? null : value.truncatedTo(ChronoUnit.MICROS);
    }

    private static BigDecimal scaled(BigDecimal value, int scale) {
        return value == null ? null : value.setScale(scale);
    }
}
