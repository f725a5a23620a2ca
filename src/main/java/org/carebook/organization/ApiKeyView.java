package org.carebook.organization;

import java.time.Instant;
import java.util.List;

/** An API key; {@code key} is in full only in the answer that created it, masked everywhere else. */
public record ApiKeyView(
        String id,
        String name,
        String type,
        String mode,
        String key,
        List<String> scopes,
        List<String> allowedOrigins,
        boolean isActive,
        Instant createdAt,
        Instant lastUsedAt,
        Instant revokedAt) {}
