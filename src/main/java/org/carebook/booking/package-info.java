/**
 * Booking: availability over HTTP, holds, and appointments with their life cycle. Every path that
 * claims time (hold, confirm, create, reschedule) goes through {@link org.carebook.booking.BlockingIntervals},
 * whose table carries the exclusion constraints that make a double booking impossible. Public: the
 * facades {@link org.carebook.booking.Holds} and {@link org.carebook.booking.Appointments}, their views
 * and {@link org.carebook.booking.BookingEvent}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Booking")
package org.carebook.booking;
