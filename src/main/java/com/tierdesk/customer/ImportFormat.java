package com.tierdesk.customer;

/** File formats the bulk import reads. */
public enum ImportFormat {
    CSV, JSON
}
