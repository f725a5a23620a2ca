/**
 * The slot engine: which start times a clinic offers for one appointment type, as a pure function of
 * working schedules, busy intervals, rooms and {@code now}. No Spring and no database in here, so the
 * rules of docs/api.md §3 can be tested and benchmarked on their own. Entry point: {@link SlotEngine#slots}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Availability",
        allowedDependencies = {})
package org.carebook.availability;
