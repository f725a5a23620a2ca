package org.carebook.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.carebook.kernel.Mode;
import org.carebook.kernel.Sql;
import org.carebook.kernel.Tenant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tells screens what just happened in their organization, whichever process recorded it: every half second,
 * while anyone listens, one query reads the events recorded since the last look (and a few seconds before,
 * for transactions that committed late) and hands each new one to the listeners of its organization and mode
 * that began listening before it was recorded (a page that opened later already shows it).
 * Only ids and types go out; a screen reads what it shows through the facades.
 */
@Component
public class LiveEvents {

    /** How far back each look reaches again: a transaction may commit after a later one. */
    static final Duration OVERLAP = Duration.ofSeconds(5);

    public record Notice(String id, String type) {}

    /** A screen's listener, told of events from the moment it began to listen: what it shows is newer. */
    private record Listener(Predicate<Notice> wanted, Consumer<Notice> consumer, Instant since) {}

    private final Map<Tenant, Set<Listener>> listeners = new ConcurrentHashMap<>();
    private final Map<String, Instant> seen = new LinkedHashMap<>();
    private final JdbcClient jdbc;
    private final Clock clock;
    private Instant since;

    LiveEvents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.since = clock.instant();
    }

    /**
     * Calls {@code consumer} for each event of the tenant of a {@code wanted} kind recorded from now on, until the
     * returned handle is closed. What was recorded between {@code shownAt} (a page's render time: what it shows
     * is older) and now is told at once, as one notice, the newest: a screen reads again whatever it shows, so
     * one catch-up is enough however much it missed.
     */
    public AutoCloseable listen(Tenant tenant, Instant shownAt, Predicate<Notice> wanted, Consumer<Notice> consumer) {
        var listener = new Listener(wanted, consumer, clock.instant());
        listeners.computeIfAbsent(tenant, t -> new CopyOnWriteArraySet<>()).add(listener);
        if (shownAt.isBefore(listener.since())) {
            missed(tenant, shownAt, listener.since()).stream()
                    .filter(wanted)
                    .reduce((older, newer) -> newer)
                    .ifPresent(consumer);
        }
        return () -> listeners.computeIfPresent(tenant, (t, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    private java.util.List<Notice> missed(Tenant tenant, Instant from, Instant until) {
        return jdbc.sql("""
                        SELECT id, type FROM events
                        WHERE organization_id = :org AND mode = :mode AND created_at >= :from AND created_at < :until
                        ORDER BY created_at, id LIMIT 100""")
                .param("org", tenant.organizationId())
                .param("mode", tenant.mode().wire())
                .param("from", Sql.at(from))
                .param("until", Sql.at(until))
                .query((rs, n) -> new Notice(rs.getString("id"), rs.getString("type")))
                .list();
    }

    @Scheduled(fixedDelay = 500)
    synchronized void look() {
        Instant now = clock.instant();
        if (listeners.isEmpty()) {
            since = now;
            return;
        }
        jdbc.sql("""
                        SELECT id, organization_id, mode, type, created_at FROM events
                        WHERE created_at > :since ORDER BY created_at, id LIMIT 1000""").param("since", Sql.at(since.minus(OVERLAP))).query(rs -> {
            String id = rs.getString("id");
            if (seen.putIfAbsent(id, now) == null) {
                var tenant = new Tenant(rs.getString("organization_id"), Mode.fromWire(rs.getString("mode")));
                tell(tenant, new Notice(id, rs.getString("type")), Sql.instant(rs, "created_at"));
            }
        });
        since = now;
        seen.values().removeIf(at -> at.isBefore(now.minus(OVERLAP.multipliedBy(2))));
    }

    private void tell(Tenant tenant, Notice notice, Instant recordedAt) {
        for (var listener : listeners.getOrDefault(tenant, Set.of())) {
            if (!recordedAt.isBefore(listener.since()) && listener.wanted().test(notice)) {
                listener.consumer().accept(notice);
            }
        }
    }
}
