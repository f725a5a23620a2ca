package org.carebook.staff;

import java.time.Instant;

/** A member of staff as the API shows one; {@code status} is {@code invited} until a password is set. */
public record StaffMember(
        String id, String email, String name, String role, String clinicianId, String status, Instant createdAt) {}
