package com.tierdesk.customer.internal.imports;

import com.tierdesk.shared.Reason;

/** A problem with the whole file (reported as line 0): nothing of it can be imported. */
class FileProblem extends RuntimeException {

    private final transient Reason reason;

    FileProblem(String code, Object... arguments) {
        this(Reason.of(code, arguments));
    }

    FileProblem(Reason reason) {
        super(reason.toString(), null, false, false);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
