package org.carebook.organization;

import java.time.Instant;
import java.util.List;

public record OrganizationView(
        String id,
        String name,
        String timezone,
        String country,
        String currency,
        int holdTtlMinutes,
        List<Integer> reminderHoursBefore,
        List<String> smsCountries,
        Instant createdAt,
        Instant updatedAt) {}
