package org.carebook.staff;

/** Invite someone to the console: an e-mail address, a name, a role, and for a clinician their calendar. */
public record InviteStaff(String email, String name, StaffRole role, String clinicianId) {}
