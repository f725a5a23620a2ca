package org.carebook.catalog;

import java.time.Instant;

public record TimeOffView(
        String id, String clinicianId, Instant startTime, Instant endTime, String reason, Instant createdAt) {}
