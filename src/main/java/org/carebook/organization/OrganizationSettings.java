package org.carebook.organization;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/** What other modules need to know of an organization to do their work. */
public record OrganizationSettings(String id, String name, ZoneId timezone, String country, String currency,
                                   Duration holdTtl, List<Integer> reminderHoursBefore) {
}
