package com.tierdesk.customer.internal.imports;

/** A problem with the whole file (reported as line 0): nothing of it can be imported. */
class FileProblem extends RuntimeException {

    FileProblem(String reason) {
        super(reason, null, false, false);
    }
}
