package org.carebook.staff;

import java.time.Instant;

/**
 * A member of an organization's staff as the API shows one: {@code status} is {@code invited} until the
 * invitation is accepted, then {@code active} or {@code disabled}.
 */
public record StaffMember(
        String id, String email, String name, String role, String clinicianId, String status, Instant createdAt) {}
