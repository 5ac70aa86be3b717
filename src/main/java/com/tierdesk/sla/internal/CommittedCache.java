package com.tierdesk.sla.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Values read from the database and kept by key, each stamped with the version it was read at: a lookup at another
 * version reads again. A value read inside a transaction is kept only once that transaction commits, so that a write
 * rolled back never lingers here.
 */
public final class CommittedCache<K, V> {

    private record Entry<V>(long version, V value) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

    /** The value kept for the key at this version, or the one {@code load} reads (kept once committed). */
    public Optional<V> get(K key, long version, Supplier<Optional<V>> load) {
        Entry<V> kept = entries.get(key);
        if (kept != null && kept.version() == version) {
            return Optional.of(kept.value());
        }
        Optional<V> loaded = load.get();
        loaded.ifPresent(value -> keep(key, new Entry<>(version, value)));
        return loaded;
    }

    private void keep(K key, Entry<V> entry) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            entries.put(key, entry);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                entries.put(key, entry);
            }
        });
    }
}
