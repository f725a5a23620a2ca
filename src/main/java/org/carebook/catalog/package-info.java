/**
 * What a clinic offers and when: locations and rooms, clinicians and their time off, appointment
 * types, and schedules (weekly working hours with per-date exceptions). Public: the facades
 * {@link org.carebook.catalog.Locations}, {@link org.carebook.catalog.Clinicians},
 * {@link org.carebook.catalog.AppointmentTypes}, {@link org.carebook.catalog.Schedules} and their views.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Catalog",
        allowedDependencies = {"api", "availability", "kernel", "organization"})
package org.carebook.catalog;
