/**
 * The staff console at {@code /console} (docs/console.md): server-rendered pages for the people who run a
 * clinic. Every change goes through the same facades, commands and database guards as the API.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Console",
        allowedDependencies = {
            "audit",
            "availability",
            "booking",
            "calendar",
            "catalog",
            "events",
            "fhir",
            "kernel",
            "organization",
            "patient",
            "report",
            "staff",
            "waitlist",
            "webhook"
        })
package org.carebook.console;
