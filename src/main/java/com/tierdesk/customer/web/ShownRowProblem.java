package com.tierdesk.customer.web;

import com.tierdesk.customer.RowProblem;
import com.tierdesk.shared.ProblemMessages;
import java.util.Locale;

/** An import's problem in the reader's words: the line, the field, the reason and its stable code. */
record ShownRowProblem(long line, String field, String reason, String code) {

    static ShownRowProblem of(RowProblem problem, ProblemMessages messages, Locale locale) {
        return new ShownRowProblem(problem.line(), problem.field(), messages.text(problem.reason(), locale),
                problem.reason().code());
    }

    /** In the language of the request being answered (the console's locale). */
    static ShownRowProblem of(RowProblem problem, ProblemMessages messages) {
        return new ShownRowProblem(problem.line(), problem.field(), messages.text(problem.reason()), problem.reason().code());
    }
}
