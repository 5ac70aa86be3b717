package com.tierdesk.customer;

import com.tierdesk.customer.internal.CustomerLabelRepository;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.Label;
import com.tierdesk.shared.NotFound;
import com.tierdesk.shared.Reason;
import com.tierdesk.shared.TextRules;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The labels of the industry and tag codes customers carry, in Chinese and English. Customers, imports and the API
 * keep the codes; only what a reader sees is labelled, so that a label can change without touching a customer.
 */
@Service
@Transactional(readOnly = true)
public class CustomerLabels {

    /** As long as a scoring model's names: a label is a short name. */
    public static final int MAX_LABEL_LENGTH = 100;

    private final CustomerLabelRepository repository;
    private final BusinessTime time;

    CustomerLabels(CustomerLabelRepository repository, BusinessTime time) {
        this.repository = repository;
        this.time = time;
    }

    /** Every label, industries first, each kind by code. */
    public List<CodeLabel> list() {
        return repository.all();
    }

    /** Every label as one dictionary, for a page that shows many codes. */
    public LabelDictionary dictionary() {
        Map<LabelKind, Map<String, Label>> labels = new EnumMap<>(LabelKind.class);
        repository.all().forEach(label -> labels.computeIfAbsent(label.kind(), kind -> new HashMap<>())
                .put(label.code(), label.label()));
        return new LabelDictionary(labels);
    }

    /** Sets the code's label, replacing the one it had; a label needs a text in at least one language. */
    @Transactional
    public CodeLabel set(LabelKind kind, String code, Label label, String by) {
        List<FieldProblem> problems = new ArrayList<>();
        codeProblem(kind, code).ifPresent(reason -> problems.add(new FieldProblem("code", reason)));
        Label.problemOf(label, MAX_LABEL_LENGTH).ifPresent(reason -> problems.add(new FieldProblem("label", reason)));
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return repository.put(kind, code.strip(), label, by, time.now());
    }

    /** Removes the code's label: the code shows as itself again. */
    @Transactional
    public void clear(LabelKind kind, String code) {
        if (code == null || !repository.remove(kind, code.strip())) {
            throw new NotFound("code", "problem.no-customer-label", code);
        }
    }

    /** A code is what customers carry: an industry as the customer rules take it, a tag as the tag rules do. */
    private static Optional<Reason> codeProblem(LabelKind kind, String code) {
        if (kind == LabelKind.TAG) {
            return FieldRules.tag(code);
        }
        return TextRules.requiredLine(code, FieldRules.MAX_CODE_LENGTH);
    }
}
