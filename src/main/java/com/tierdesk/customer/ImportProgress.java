package com.tierdesk.customer;

/** Told how far an import is; called from the importing thread every few thousand rows. */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = (rows, bytesRead, totalBytes) -> { };

    void progress(long rowsRead, long bytesRead, long totalBytes);
}
