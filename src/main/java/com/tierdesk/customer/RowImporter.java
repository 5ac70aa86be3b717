package com.tierdesk.customer;

import com.tierdesk.shared.Reason;
import java.util.List;
import java.util.Set;

/**
 * An import of records another module keeps (tickets), run by {@link CustomerImports} with its readers (CSV, JSON,
 * .xlsx), column mappings, constant fields, progress and row-level reports, so that the console, the API and the
 * command line take it like any other kind. Every row is read and checked, by itself and then against the database,
 * before anything is written; the good rows are then written in chunks, in the import's transaction.
 *
 * @param <R> one row as read
 */
public interface RowImporter<R> {

    ImportKind kind();

    /** TierDesk's field names, the file's columns after mapping; {@code external_id} identifies a record. */
    List<String> fields();

    Set<String> requiredFields();

    /** Reads one row by itself; returns {@code null} when it refused a field of it on {@code row}. */
    R read(ImportRow row);

    String externalId(R record);

    /** Checks rows that read well against the database, writing nothing: one verdict each, in their order. */
    List<Verdict> check(List<R> records);

    /** Writes rows whose verdict was {@link Outcome#CREATE}. */
    void write(List<R> records);

    enum Outcome {
        CREATE, UNCHANGED, REFUSED
    }

    /** What a row will do; a refused row has the field and reason to report. */
    record Verdict(Outcome outcome, String field, Reason reason) {

        private static final Verdict CREATE = new Verdict(Outcome.CREATE, null, null);
        private static final Verdict UNCHANGED = new Verdict(Outcome.UNCHANGED, null, null);

        public static Verdict create() {
            return CREATE;
        }

        public static Verdict unchanged() {
            return UNCHANGED;
        }

        public static Verdict refused(String field, String code, Object... arguments) {
            return new Verdict(Outcome.REFUSED, field, Reason.of(code, arguments));
        }
    }
}
