package com.tierdesk.customer;

/** What happens to the good rows of a file that also has bad rows. */
public enum ImportMode {
    /** A file with any bad row writes nothing (the default). */
    ALL_OR_NOTHING,
    /** The valid rows are written, the bad ones reported. */
    VALID_ROWS
}
