package org.carebook.staff;

/** What an invitation's page shows: whom it is for, and which organization asks. */
public record InvitationPage(String name, String email, String organizationName) {}
