package org.carebook.catalog;

import java.time.Instant;
import java.util.Map;

public record ClinicianView(
        String id,
        String name,
        String title,
        String specialty,
        String email,
        String phone,
        boolean isActive,
        String timezone,
        Map<String, String> externalIds,
        Instant createdAt,
        Instant updatedAt) {}
