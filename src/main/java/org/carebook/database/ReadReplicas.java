package org.carebook.database;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a hot standby may answer ({@code CAREBOOK_READ_DATABASE_URL}, ADR 0014). A standby replays the
 * primary's changes a little later, so what it answers may be behind: each caller checks the answer against
 * the primary before using it, and otherwise asks the primary. A standby that cannot be reached is left
 * alone for a few seconds, and its reads go to the primary meanwhile.
 */
public class ReadReplicas {

    private static final Logger log = LoggerFactory.getLogger(ReadReplicas.class);
    private static final Duration REST_AFTER_FAILURE = Duration.ofSeconds(5);

    private final ReadRouting routing;
    private final TransactionTemplate readOnly;
    private final Clock clock;
    private volatile Instant unreachableUntil = Instant.MIN;

    ReadReplicas(ReadRouting routing, PlatformTransactionManager transactions, Clock clock) {
        this.routing = routing;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Whether a standby is configured at all. */
    public boolean configured() {
        return routing.hasStandbys();
    }

    /**
     * {@code work} run in one read-only transaction on a standby (one connection, so every statement sees
     * that standby's data and nothing older than its first statement did); empty when there is no standby,
     * it cannot be reached, or {@code work} failed there: a standby behind the primary may not yet know what
     * the request names, so the primary is the one to answer it.
     */
    public <T> Optional<T> read(Supplier<T> work) {
        if (!configured() || clock.instant().isBefore(unreachableUntil)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(routing.onStandby(() -> readOnly.execute(status -> work.get())));
        } catch (CannotCreateTransactionException e) {
            unreachableUntil = clock.instant().plus(REST_AFTER_FAILURE);
            log.warn("No standby answers; reads go to the primary for {} s", REST_AFTER_FAILURE.toSeconds());
            return Optional.empty();
        } catch (RuntimeException e) {
            log.debug(
                    "A standby could not answer a read ({}); the primary will",
                    e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
