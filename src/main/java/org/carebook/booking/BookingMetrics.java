package org.carebook.booking;

import io.micrometer.core.instrument.MeterRegistry;
import org.carebook.kernel.Caller;
import org.springframework.stereotype.Component;

/**
 * What the booking engine counts for operators: {@code carebook.bookings} by where they came from
 * ({@code widget}, {@code api}, {@code console}, {@code self_service}) and {@code carebook.holds} by what became
 * of them ({@code placed}, {@code confirmed}, {@code released}, {@code expired}).
 */
@Component
class BookingMetrics {

    private final MeterRegistry registry;

    BookingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void booked(Caller caller) {
        registry.counter("carebook.bookings", "source", source(caller)).increment();
    }

    void holds(String outcome, int count) {
        registry.counter("carebook.holds", "outcome", outcome).increment(count);
    }

    private static String source(Caller caller) {
        return switch (caller.kind()) {
            case PUBLISHABLE -> "widget";
            case SECRET -> "api";
            case STAFF -> "console";
            case PATIENT -> "self_service";
        };
    }
}
