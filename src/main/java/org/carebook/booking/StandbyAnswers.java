package org.carebook.booking;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.carebook.database.ReadReplicas;
import org.carebook.kernel.Tenant;
import org.springframework.stereotype.Component;

/**
 * Availability computed on a hot standby (ADR 0014), used only when the primary's change log shows that the
 * standby had replayed every change to what the answer depends on. A standby behind, failing or absent gives
 * nothing, and the primary answers.
 */
@Component
class StandbyAnswers {

    /** A value and the snapshot of the database it was computed at. */
    record AtSnapshot<T>(String snapshot, T value) {}

    private final ReadReplicas standbys;
    private final AvailabilityChanges changes;
    private final Counter used;
    private final Counter behind;
    private final Counter unavailable;

    StandbyAnswers(ReadReplicas standbys, AvailabilityChanges changes, MeterRegistry metrics) {
        this.standbys = standbys;
        this.changes = changes;
        this.used = metrics.counter("carebook.availability.standby", "result", "used");
        this.behind = metrics.counter("carebook.availability.standby", "result", "behind");
        this.unavailable = metrics.counter("carebook.availability.standby", "result", "unavailable");
    }

    /**
     * {@code work} computed on a standby together with the snapshot it read, if no transaction that snapshot
     * could not see has changed the organization or one of the clinicians and rooms {@code subjectsOf} names.
     */
    <T> Optional<AtSnapshot<T>> compute(Tenant tenant, Supplier<T> work, Function<T, Set<String>> subjectsOf) {
        if (!standbys.configured()) {
            return Optional.empty();
        }
        var computed = standbys.read(() -> new AtSnapshot<>(changes.snapshot(), work.get()));
        if (computed.isEmpty()) {
            unavailable.increment();
            return Optional.empty();
        }
        var subjects = AvailabilityChanges.subjects(
                tenant, subjectsOf.apply(computed.get().value()));
        if (changes.changedSince(computed.get().snapshot(), subjects)) {
            behind.increment();
            return Optional.empty();
        }
        used.increment();
        return computed;
    }
}
