package com.tierdesk.customer;

import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.InvalidValue;
import com.tierdesk.shared.Reason;
import com.tierdesk.shared.TextRules;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules for an order's lines, shared by the API and the import, and the import's one-column form of them:
 * {@code code|name|quantity|amount} per line, lines separated by {@code ;}, for example
 * {@code SKU-1|蓝牙耳机|2|398.00; SKU-2|充电线|1|29.90}.
 */
public final class OrderLines {

    public static final int MAX_LINES = 200;
    public static final int MAX_QUANTITY = 1_000_000;

    private static final Pattern LINE_SEPARATOR = Pattern.compile(";");
    private static final Pattern FIELD_SEPARATOR = Pattern.compile("\\|");

    private OrderLines() {
    }

    /**
     * The lines' problems, each named {@code lines[i].field} after the given field; numbers the valid lines from 1.
     */
    static List<FieldProblem> problems(List<OrderLineDraft> lines, String field) {
        var problems = new ArrayList<FieldProblem>();
        if (lines.size() > MAX_LINES) {
            problems.add(new FieldProblem(field, Reason.of("problem.order-lines.too-many", MAX_LINES)));
            return problems;
        }
        for (int i = 0; i < lines.size(); i++) {
            OrderLineDraft line = lines.get(i);
            String at = field + "[" + i + "].";
            if (line == null) {
                problems.add(new FieldProblem(field + "[" + i + "]", Reason.of("problem.required")));
                continue;
            }
            FieldRules.code(line.productCode()).ifPresent(r -> problems.add(new FieldProblem(at + "productCode", r)));
            TextRules.requiredLine(line.productName(), FieldRules.MAX_NAME_LENGTH)
                    .ifPresent(r -> problems.add(new FieldProblem(at + "productName", r)));
            if (line.quantity() == null) {
                problems.add(new FieldProblem(at + "quantity", Reason.of("problem.required")));
            } else if (line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
                problems.add(new FieldProblem(at + "quantity", Reason.of("problem.between", 1, MAX_QUANTITY)));
            }
            try {
                FieldRules.checkAmount(line.amount());
            } catch (FieldRules.InvalidField e) {
                problems.add(new FieldProblem(at + "amount", e.reason()));
            }
        }
        return problems;
    }

    /** Valid lines numbered from 1, names stripped and amounts with two decimals. */
    static List<OrderLine> numbered(List<OrderLineDraft> lines) {
        var numbered = new ArrayList<OrderLine>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            OrderLineDraft line = lines.get(i);
            numbered.add(new OrderLine(i + 1, line.productCode(), line.productName().strip(), line.quantity(),
                    line.amount().setScale(2)));
        }
        return List.copyOf(numbered);
    }

    /**
     * Reads the import's one-column form; refuses it with the first problem found, its part naming the field of the
     * line at fault ({@code lines[1].quantity}) when the form was right.
     */
    public static List<OrderLine> parse(String text) {
        var lines = new ArrayList<OrderLineDraft>();
        for (String part : LINE_SEPARATOR.split(text.strip())) {
            if (part.isBlank()) {
                continue;
            }
            String[] fields = FIELD_SEPARATOR.split(part.strip(), -1);
            int lineNo = lines.size() + 1;
            if (fields.length != 4) {
                throw new InvalidValue("problem.order-lines.format", lineNo);
            }
            int quantity;
            BigDecimal amount;
            try {
                quantity = Integer.parseInt(fields[2].strip());
                amount = new BigDecimal(fields[3].strip());
            } catch (NumberFormatException e) {
                throw new InvalidValue("problem.order-lines.format", lineNo);
            }
            lines.add(new OrderLineDraft(fields[0].strip(), fields[1].strip(), quantity, amount));
        }
        if (lines.isEmpty()) {
            throw new InvalidValue("problem.order-lines.format", 1);
        }
        List<FieldProblem> problems = problems(lines, "lines");
        if (!problems.isEmpty()) {
            FieldProblem first = problems.get(0);
            throw new InvalidValue(first.field(), first.reason());
        }
        return numbered(lines);
    }
}
