/**
 * Calendar subscriptions (docs/calendars.md): a clinician's or a location's appointments as an iCalendar file at
 * a secret, revocable address that calendar apps poll ({@code webcal://}). The file names patients only when the
 * organization allows it. Public: {@link org.carebook.calendar.CalendarFeeds}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Calendars",
        allowedDependencies = {
            "api",
            "availability",
            "booking",
            "catalog",
            "egress",
            "kernel",
            "organization",
            "outbox",
            "patient"
        })
package org.carebook.calendar;
