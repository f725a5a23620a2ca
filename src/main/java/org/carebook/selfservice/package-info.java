/**
 * Patient self-service: manage links (signed, one appointment each, ending with it, revocable) and what the
 * patient holding one may do through them, cancel or move their appointment within the clinic's rules,
 * always through the booking module's guarded commands.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Self-service",
        allowedDependencies = {"api", "audit", "booking", "catalog", "kernel", "organization", "patient"})
package org.carebook.selfservice;
