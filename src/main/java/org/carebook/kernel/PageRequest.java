package org.carebook.kernel;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * {@code limit} (1–100, default 20) and an opaque {@code cursor}: keyset paging on
 * {@code (created_at, id)}, so pages stay stable while rows are added.
 */
public record PageRequest(int limit, Position after) {

    public static final int DEFAULT_LIMIT = 20;
    private static final Position START = new Position(Instant.parse("0001-01-01T00:00:00Z"), "");

    public static PageRequest of(String limit, String cursor) {
        return new PageRequest(parseLimit(limit), cursor == null || cursor.isEmpty() ? START : Position.decode(cursor));
    }

    public static int parseLimit(String limit) {
        if (limit == null || limit.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= 100) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw CarebookException.invalidField("limit", "must be a whole number from 1 to 100");
    }

    /** How many rows to fetch: one more than a page, to know whether another page follows. */
    public int fetchSize() {
        return limit + 1;
    }

    public record Position(Instant createdAt, String id) {

        public String encode() {
            String raw = createdAt.getEpochSecond() + "." + createdAt.getNano() + "." + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Position decode(String cursor) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                String[] parts = raw.split("\\.", 3);
                return new Position(
                        Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])), parts[2]);
            } catch (RuntimeException e) {
                throw CarebookException.invalidField("cursor", "is not a cursor this server issued");
            }
        }
    }
}
