package org.carebook.booking;

import java.time.Instant;

/**
 * Move a series' occurrences still to come from {@code fromAppointmentId} on ("this and following"): that one to
 * {@code start}, each later one as many days on at the same clock time.
 */
public record MoveSeries(String fromAppointmentId, Instant start) {}
