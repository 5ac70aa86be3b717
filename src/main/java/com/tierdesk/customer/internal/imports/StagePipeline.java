package com.tierdesk.customer.internal.imports;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Hands validated rows to the stage tables in chunks, writing one chunk on a second thread while the
 * next is parsed; at most two chunks are in memory. The connection is used by one thread at a time:
 * the caller touches the database again only after {@link #finish()}.
 */
final class StagePipeline implements AutoCloseable {

    private final List<StageWriter> writers;
    private final int chunkRows;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "import-stage-writer");
        thread.setDaemon(true);
        return thread;
    });
    private List<List<Object[]>> chunk;
    private Future<?> inFlight;

    StagePipeline(List<StageWriter> writers, int chunkRows) {
        this.writers = writers;
        this.chunkRows = chunkRows;
        this.chunk = emptyChunk();
    }

    /** Adds a row to the stage table with the given index (the order of the writers). */
    void add(int table, Object[] row) {
        chunk.get(table).add(row);
        if (table == 0 && chunk.get(0).size() >= chunkRows) {
            handOver();
        }
    }

    void finish() {
        handOver();
        awaitInFlight();
    }

    private void handOver() {
        awaitInFlight();
        List<List<Object[]>> full = chunk;
        chunk = emptyChunk();
        inFlight = executor.submit(() -> {
            for (int i = 0; i < writers.size(); i++) {
                if (!full.get(i).isEmpty()) {
                    writers.get(i).write(full.get(i));
                }
            }
            return null;
        });
    }

    private void awaitInFlight() {
        if (inFlight == null) {
            return;
        }
        try {
            inFlight.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while staging rows", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw new IllegalStateException("staging rows failed: " + sql.getMessage(), sql);
            }
            throw new IllegalStateException("staging rows failed", e.getCause());
        } finally {
            inFlight = null;
        }
    }

    private List<List<Object[]>> emptyChunk() {
        List<List<Object[]>> tables = new ArrayList<>();
        writers.forEach(writer -> tables.add(new ArrayList<>(Math.min(chunkRows, 16_384))));
        return tables;
    }

    /** Waits for a chunk still being written, so that the connection is idle before the transaction ends. */
    @Override
    public void close() {
        try {
            if (inFlight != null) {
                inFlight.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // the import already fails for the reason that stopped it; this failure is a consequence
        } finally {
            executor.shutdown();
        }
    }
}
