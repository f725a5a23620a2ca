package org.carebook.organization;

import java.time.Instant;
import java.util.List;
import org.carebook.kernel.ChangeRules;

public record OrganizationView(
        String id,
        String name,
        String timezone,
        String country,
        String currency,
        int holdTtlMinutes,
        List<Integer> reminderHoursBefore,
        List<String> smsCountries,
        String phone,
        @com.fasterxml.jackson.annotation.JsonUnwrapped ChangeRules changeRules,
        Integer maxActiveBookingsPerPatient,
        boolean approveNewPatients,
        int approvalWindowHours,
        int waitlistOfferMinutes,
        boolean calendarFeedNames,
        Instant createdAt,
        Instant updatedAt) {}
