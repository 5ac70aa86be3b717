package com.tierdesk.customer.internal.imports;

import com.tierdesk.customer.ImportKind;
import java.util.List;
import java.util.Set;

/** What one kind of import (customers, orders, interactions) reads, stages and merges. */
interface ImportTarget {

    ImportKind kind();

    /** TierDesk's field names, the file's columns after mapping. */
    List<String> fields();

    Set<String> requiredFields();

    /** The stage tables; the first holds one row per valid file row. */
    List<StageTable> stageTables();

    /** Validates one row and, when it is valid, adds it to the stage; returns whether it was valid. */
    boolean stage(RowCheck row, StagePipeline pipeline);

    /** Rejects the staged rows that are only wrong in view of the whole file or the database (duplicates, unknown customers). */
    void rejectInconsistentRows(ImportContext context);

    /**
     * Writes a first load (no staged record exists yet) without checking the stage for duplicates and
     * unknown customers first, letting the table's keys and the customer join tell; gives up (undoing
     * what it wrote) and returns {@code null} when that is not possible or a row is wrong.
     */
    default MergeCounts tryFirstLoad(ImportContext context, long staged) {
        return null;
    }

    /** Writes the remaining staged rows; returns how many were created and updated. */
    MergeCounts merge(ImportContext context);

    record MergeCounts(long created, long updated) {
    }
}
