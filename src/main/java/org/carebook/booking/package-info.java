/**
 * Booking: availability over HTTP, holds, and appointments with their life cycle. Every path that
 * claims time (hold, confirm, create, reschedule) goes through {@link org.carebook.booking.BlockingIntervals},
 * whose table carries the exclusion constraints that make a double booking impossible. Public: the
 * facades {@link org.carebook.booking.Holds} and {@link org.carebook.booking.Appointments} and their views.
 * Every change is recorded in the event log ({@link org.carebook.events.EventLog}) in its own transaction.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Booking",
        allowedDependencies = {
            "api",
            "audit",
            "availability",
            "catalog",
            "database",
            "events",
            "kernel",
            "organization",
            "patient"
        })
package org.carebook.booking;
