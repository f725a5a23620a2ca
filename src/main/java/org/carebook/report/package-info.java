/**
 * Reports (docs/console.md, "Reports"): per location and period, how much of the offered time is booked, how
 * often patients do not come or cancel late, how far ahead they book, through which channel, and why
 * appointments are cancelled. Read-only: it reads the booking tables with plain SQL and changes nothing.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Reports",
        allowedDependencies = {"availability", "catalog", "kernel"})
package org.carebook.report;
