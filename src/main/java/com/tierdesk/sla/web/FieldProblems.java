package com.tierdesk.sla.web;

import com.tierdesk.shared.ShownProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The console's problems by field, to show each beside its input; several reasons for a field are joined. */
final class FieldProblems {

    private FieldProblems() {
    }

    static Map<String, String> byField(List<ShownProblem> problems) {
        var byField = new LinkedHashMap<String, String>();
        problems.forEach(p -> byField.merge(String.valueOf(p.field()), p.reason(), (a, b) -> a + "; " + b));
        return byField;
    }
}
