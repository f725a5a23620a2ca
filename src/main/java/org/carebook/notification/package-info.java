/**
 * Messages to patients (docs/api.md §8): an e-mail with a calendar invitation when an appointment is booked,
 * moved or cancelled, reminders before it, and the same by SMS where a provider is configured. Planned in
 * the transaction of the appointment's event, sent afterwards by workers, never in the booking request.
 * Public: {@link org.carebook.notification.Notifications} and {@link org.carebook.notification.NotificationView}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Notifications",
        allowedDependencies = {
            "api",
            "booking",
            "catalog",
            "events",
            "kernel",
            "organization",
            "outbox",
            "patient",
            "selfservice",
            "waitlist"
        })
package org.carebook.notification;
