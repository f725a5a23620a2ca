package org.carebook.booking;

/**
 * Cancel a series' occurrences still to come: from {@code fromAppointmentId} on ("this and following"), or, when
 * it is null, all of them, which ends the series.
 */
public record CancelSeries(String fromAppointmentId, String reason, CancelAppointment.By cancelledBy) {}
