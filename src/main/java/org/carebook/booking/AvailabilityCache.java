package org.carebook.booking;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.carebook.availability.SlotFilter;
import org.carebook.kernel.Tenant;
import org.springframework.stereotype.Component;

/**
 * Finished availability answers (the JSON bytes), reused while nothing they depend on can have changed.
 *
 * <p>Data (ADR 0013): every write that can change an answer logs what it touched in
 * {@code availability_changes}, from triggers in the database (so every path that writes is covered): the
 * organization for its catalogue and settings, the clinician and room for a booking or hold. An entry keeps
 * the database snapshot read before it was computed and the subjects it depends on (its organization, the
 * clinicians it offers and their rooms), and is served only while no change to those subjects comes from a
 * transaction that snapshot could not see: one small indexed query per request, a booking of another
 * clinician leaves it alone, and what another process commits is seen at the next request, without messages.
 * Time: an entry also ends when time alone would change the answer (a start falling within the minimum
 * notice or coming within the horizon, a hold among the busy time expiring), and after {@link #MAX_AGE},
 * well inside the time the log keeps its rows. The answer is advisory either way: holds and bookings go
 * through the guard.
 *
 * <p>{@code CAREBOOK_AVAILABILITY_CACHE_MB} bounds the memory (least recently used entries go first); 0 turns
 * the cache off.
 */
@Component
class AvailabilityCache {

    /** How long an entry may be served at most, well inside {@link AvailabilityChanges#KEPT}. */
    static final Duration MAX_AGE = Duration.ofMinutes(10);

    record Key(Tenant tenant, String typeId, SlotFilter filter, LocalDate from, LocalDate to) {}

    /**
     * What an answer was computed from: the snapshot read first, and the clinicians and rooms whose bookings
     * it counted. Its organization, whose catalogue it also depends on, is the key's.
     */
    record Basis(String snapshot, Set<String> bookedSubjects, Instant computedAt) {}

    /** An answer as stored: its subjects made once into the array each check sends. */
    private record Entry(
            String snapshot, String[] subjects, Instant computedAt, Optional<Instant> changesAt, byte[] json) {}

    private final AvailabilityChanges changes;
    private final long maxBytes;
    private final Map<Key, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;
    private final Counter hits;
    private final Counter misses;

    AvailabilityCache(AvailabilityChanges changes, BookingSettings properties, MeterRegistry metrics) {
        this.changes = changes;
        this.maxBytes = properties.availabilityCacheMb() * 1024L * 1024L;
        this.hits = metrics.counter("carebook.availability.cache", "result", "hit");
        this.misses = metrics.counter("carebook.availability.cache", "result", "miss");
    }

    boolean enabled() {
        return maxBytes > 0;
    }

    /** The stored answer, if time has not ended it and nothing it depends on has changed since. */
    Optional<byte[]> get(Key key, Instant now) {
        Entry entry;
        synchronized (this) {
            entry = entries.get(key);
        }
        if (entry == null
                || entry.changesAt().filter(c -> !now.isBefore(c)).isPresent()
                || !now.isBefore(entry.computedAt().plus(MAX_AGE))
                || changes.changedSince(entry.snapshot(), entry.subjects())) {
            misses.increment();
            return Optional.empty();
        }
        hits.increment();
        return Optional.of(entry.json());
    }

    synchronized void put(Key key, Basis basis, Optional<Instant> changesAt, byte[] json) {
        if (json.length > maxBytes / 4) {
            return;
        }
        var subjects = AvailabilityChanges.subjects(key.tenant(), basis.bookedSubjects());
        var old = entries.put(key, new Entry(basis.snapshot(), subjects, basis.computedAt(), changesAt, json));
        bytes += json.length - (old == null ? 0 : old.json().length);
        var eldest = entries.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            bytes -= eldest.next().getValue().json().length;
            eldest.remove();
        }
    }
}
