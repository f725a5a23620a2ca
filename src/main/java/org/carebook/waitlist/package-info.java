/**
 * The waitlist (docs/api.md §6c): patients wait for a time that suits them, and a freed time is offered to the first
 * matching entry by holding it for them (an ordinary hold, under the same database guards) and sending a signed
 * link to accept or decline it. Public: {@link org.carebook.waitlist.Waitlist}, its views and its events.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Waitlist",
        allowedDependencies = {
            "api",
            "availability",
            "booking",
            "catalog",
            "events",
            "kernel",
            "organization",
            "patient",
            "selfservice"
        })
package org.carebook.waitlist;
