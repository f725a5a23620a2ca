package org.carebook.organization;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.carebook.kernel.ChangeRules;

/**
 * What other modules need to know of an organization to do their work. {@code smsCountries}: the countries
 * whose phone numbers it may text (its own country unless it listed others). {@code changeRules}: the
 * clinic's rules for self-service changes, which appointment types may override. {@code approveNewPatients}: online
 * bookings for patients it has not seen yet wait for approval; {@code approvalWindow}: how long a pending booking
 * waits before it is declined; {@code waitlistOffer}: how long a freed time is held for a waiting patient at most.
 * {@code calendarFeedNames}: calendar subscriptions name the patients.
 */
public record OrganizationSettings(
        String id,
        String name,
        ZoneId timezone,
        String country,
        String currency,
        Duration holdTtl,
        List<Integer> reminderHoursBefore,
        List<String> smsCountries,
        String phone,
        ChangeRules changeRules,
        Integer maxActiveBookingsPerPatient,
        boolean approveNewPatients,
        Duration approvalWindow,
        Duration waitlistOffer,
        boolean calendarFeedNames) {}
