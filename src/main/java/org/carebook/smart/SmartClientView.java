package org.carebook.smart;

import java.time.Instant;
import java.util.List;

/**
 * A registered SMART backend client: its {@code id} is the {@code client_id} its assertions name (as issuer and
 * subject), and {@code scopes} the SMART system scopes it may be granted.
 */
public record SmartClientView(
        String id,
        String name,
        String jwksUrl,
        boolean hasJwks,
        List<String> scopes,
        boolean isActive,
        Instant createdAt,
        Instant revokedAt) {}
