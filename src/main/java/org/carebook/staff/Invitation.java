package org.carebook.staff;

/** A new member of staff and the one-time path where they choose a password (shown once). */
public record Invitation(StaffMember staff, String invitationPath) {}
