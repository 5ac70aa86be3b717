package com.tierdesk.customer.internal.imports;

import com.tierdesk.customer.ReportedProblems;
import com.tierdesk.customer.RowProblem;
import com.tierdesk.shared.Reason;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * Problems in a temporary file, in the order they were written, read back one at a time: per problem its line,
 * then the field (or none) and the reason as its code and arguments (each a text or a reason again), each text as
 * its UTF-8 length and bytes. Reasons are kept unworded, so that each reader reads them in their own language.
 */
final class ProblemFile implements ReportedProblems {

    private static final int BUFFER = 64 * 1024;

    private final Path file;
    private final long size;

    private ProblemFile(Path file, long size) {
        this.file = file;
        this.size = size;
    }

    /** A new file in the directory to write problems to. */
    static Writer create(Path directory) {
        try {
            return new Writer(Files.createTempFile(directory, "tierdesk-import-problems-", ".bin"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a file for the import's problems", e);
        }
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public List<RowProblem> page(long from, int count) {
        List<RowProblem> page = new ArrayList<>();
        try (Reader reader = new Reader()) {
            for (long skipped = 0; skipped < from && reader.hasNext(); skipped++) {
                reader.next();
            }
            while (page.size() < count && reader.hasNext()) {
                page.add(reader.next());
            }
        }
        return page;
    }

    /** Reads the file as the iteration goes; the file is closed when the last problem has been read. */
    @Override
    public Iterator<RowProblem> iterator() {
        return new Reader();
    }

    @Override
    public void forEach(Consumer<? super RowProblem> action) {
        try (Reader reader = new Reader()) {
            reader.forEachRemaining(action);
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    /** Appends problems to a new file. */
    static final class Writer implements AutoCloseable {

        private final Path file;
        private final DataOutputStream out;
        private long written;
        private boolean finished;

        private Writer(Path file) throws IOException {
            this.file = file;
            this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), BUFFER));
        }

        void write(RowProblem problem) {
            try {
                out.writeLong(problem.line());
                out.writeBoolean(problem.field() != null);
                if (problem.field() != null) {
                    text(problem.field());
                }
                reason(problem.reason());
                written++;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the import's problems to " + file, e);
            }
        }

        private void reason(Reason reason) throws IOException {
            text(reason.code());
            out.writeInt(reason.arguments().size());
            for (Object argument : reason.arguments()) {
                out.writeBoolean(argument instanceof Reason);
                if (argument instanceof Reason nested) {
                    reason(nested);
                } else {
                    text((String) argument);
                }
            }
        }

        private void text(String value) throws IOException {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
        }

        /** The problems written, to be read. */
        ProblemFile finish() {
            finished = true;
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the import's problems to " + file, e);
            }
            return new ProblemFile(file, written);
        }

        /** Deletes the file unless it was finished. */
        @Override
        public void close() {
            if (finished) {
                return;
            }
            try {
                out.close();
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + file, e);
            }
        }
    }

    private final class Reader implements Iterator<RowProblem>, AutoCloseable {

        private DataInputStream in;
        private long remaining = size;

        @Override
        public boolean hasNext() {
            return remaining > 0;
        }

        @Override
        public RowProblem next() {
            if (remaining == 0) {
                throw new NoSuchElementException();
            }
            try {
                if (in == null) {
                    in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER));
                }
                long line = in.readLong();
                String field = in.readBoolean() ? text() : null;
                RowProblem problem = new RowProblem(line, field, reason());
                if (--remaining == 0) {
                    close();
                }
                return problem;
            } catch (IOException e) {
                close();
                throw new UncheckedIOException("cannot read the import's problems from " + file, e);
            }
        }

        private Reason reason() throws IOException {
            String code = text();
            Object[] arguments = new Object[in.readInt()];
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = in.readBoolean() ? reason() : text();
            }
            return Reason.of(code, arguments);
        }

        private String text() throws IOException {
            return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            if (in == null) {
                return;
            }
            try {
                in.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the import's problems from " + file, e);
            } finally {
                in = null;
                remaining = 0;
            }
        }
    }
}
