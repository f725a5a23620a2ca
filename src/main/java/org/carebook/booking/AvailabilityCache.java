package org.carebook.booking;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.carebook.availability.SlotFilter;
import org.carebook.kernel.Tenant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finished availability answers (the JSON bytes), reused while nothing they depend on can have changed.
 *
 * <p>Data: each entry carries the database's WAL insert position read before it was computed. Any
 * committed write anywhere in the database moves that position (a commit always writes a record), so an
 * entry is served only while the position is unchanged: no write of any process has committed since. This
 * costs one tiny query per request and needs no invalidation messages between processes; the price is that
 * any write, even an unrelated one, retires every entry. Time: an entry also ends when time alone would
 * change the answer (a start falling within the minimum notice or coming within the horizon, a hold among
 * the busy time expiring). The answer is advisory either way: holds and bookings go through the guard.
 *
 * <p>{@code CAREBOOK_AVAILABILITY_CACHE_MB} bounds the memory (least recently used entries go first); 0 turns
 * the cache off.
 */
@Component
class AvailabilityCache {

    record Key(Tenant tenant, String typeId, SlotFilter filter, LocalDate from, LocalDate to) {}

    private record Entry(String position, Optional<Instant> changesAt, byte[] json) {}

    private final JdbcClient jdbc;
    private final long maxBytes;
    private final Map<Key, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;
    private final Counter hits;
    private final Counter misses;

    AvailabilityCache(JdbcClient jdbc, BookingSettings properties, MeterRegistry metrics) {
        this.jdbc = jdbc;
        this.maxBytes = properties.availabilityCacheMb() * 1024L * 1024L;
        this.hits = metrics.counter("carebook.availability.cache", "result", "hit");
        this.misses = metrics.counter("carebook.availability.cache", "result", "miss");
    }

    boolean enabled() {
        return maxBytes > 0;
    }

    /** Where the database's write-ahead log stands now; read before computing an answer, in its transaction. */
    String position() {
        return jdbc.sql("SELECT pg_current_wal_insert_lsn()::text")
                .query(String.class)
                .single();
    }

    synchronized Optional<byte[]> get(Key key, String position, Instant now) {
        var entry = entries.get(key);
        if (entry == null
                || !entry.position().equals(position)
                || entry.changesAt().filter(c -> !now.isBefore(c)).isPresent()) {
            misses.increment();
            return Optional.empty();
        }
        hits.increment();
        return Optional.of(entry.json());
    }

    synchronized void put(Key key, String position, Optional<Instant> changesAt, byte[] json) {
        if (json.length > maxBytes / 4) {
            return;
        }
        var old = entries.put(key, new Entry(position, changesAt, json));
        bytes += json.length - (old == null ? 0 : old.json().length);
        var eldest = entries.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            bytes -= eldest.next().getValue().json().length;
            eldest.remove();
        }
    }
}
