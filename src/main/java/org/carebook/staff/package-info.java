/**
 * The people who sign in to the console and their memberships of organizations' staff: one sign-in (Argon2id
 * password with back-off, or a single sign-on identity) and a membership with a role in each organization.
 * Invitations, role changes, disabling and removal, where nobody grants more than they hold and one owner
 * always stays; one-time links; staff mail through an outbox. Who may do what in the console follows from the
 * role's scopes; the sign-in itself is the web module's gate.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Staff",
        allowedDependencies = {"api", "audit", "catalog", "kernel", "outbox"})
package org.carebook.staff;
