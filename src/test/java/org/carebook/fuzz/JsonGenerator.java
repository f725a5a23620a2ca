package org.carebook.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Request bodies for fuzzing, from a seeded {@link Random}: objects with the API's own field names and
 * hostile values, valid-looking bodies with one field broken, and text that is not JSON at all.
 */
final class JsonGenerator {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> FIELDS = List.of(
            "name",
            "timezone",
            "country",
            "currency",
            "address",
            "line1",
            "city",
            "postcode",
            "phone",
            "email",
            "title",
            "specialty",
            "is_active",
            "duration_minutes",
            "price",
            "modes",
            "buffer_before_minutes",
            "buffer_after_minutes",
            "min_notice_minutes",
            "max_advance_days",
            "slot_interval_minutes",
            "requires_room",
            "clinician_ids",
            "allow_online_booking",
            "weekly_hours",
            "day",
            "start",
            "end",
            "valid_from",
            "valid_until",
            "appointment_type_ids",
            "accepted_insurance_payers",
            "hours",
            "first_name",
            "last_name",
            "date_of_birth",
            "sex",
            "insurance",
            "payer",
            "member_id",
            "external_ids",
            "appointment_type_id",
            "clinician_id",
            "location_id",
            "patient_id",
            "patient",
            "start_time",
            "end_time",
            "date",
            "is_remote",
            "room_id",
            "status",
            "reason",
            "notes",
            "payment_mode",
            "attendee_name",
            "attendee_email",
            "attendee_phone",
            "url",
            "events",
            "description",
            "scopes",
            "type",
            "allowed_origins",
            "hold_ttl_minutes",
            "reminder_hours_before",
            "schedule_id",
            "allow_overlapping",
            "duration",
            "limit",
            "cursor",
            "search",
            "since",
            "start_date",
            "end_date",
            "id",
            "created_at",
            "\u0000",
            "",
            "__proto__");
    private static final List<String> TEXTS = List.of(
            "",
            " ",
            "Zoë Ñúñez 🙂",
            "\u0000",
            "'; DROP TABLE patients;--",
            "<script>alert(1)</script>",
            "2027-13-45",
            "2027-01-12",
            "2027-01-12T09:00:00Z",
            "2027-03-14T02:30:00",
            "25:61",
            "09:00",
            "monday",
            "funday",
            "+44 20 7946 0000",
            "07700 900123",
            "not-an-email",
            "a@b.co",
            "Europe/London",
            "Europe/Nowhere",
            "GB",
            "ZZ",
            "GBP",
            "XXX",
            "in_person",
            "remote",
            "*",
            "confirmed",
            "https://93.184.216.34/hooks",
            "http://169.254.169.254/",
            "javascript:alert(1)",
            "1e308",
            "-1",
            "NaN",
            "%00",
            "../../etc/passwd",
            "\\",
            "\"",
            "x".repeat(5000),
            "🙂".repeat(300));

    private final Random random;
    private final List<String> ids;

    JsonGenerator(Random random, Map<String, String> ids) {
        this.random = random;
        this.ids = new ArrayList<>(ids.values());
    }

    /** The {@code i}-th body: a rotation of hostile objects, broken valid ones, and non-JSON. */
    String body(int i) {
        return switch (i % 5) {
            case 0, 1 -> JSON.writeValueAsString(object(3));
            case 2 -> JSON.writeValueAsString(broken(plausible()));
            case 3 -> JSON.writeValueAsString(random.nextBoolean() ? value(2) : scalar());
            default -> malformed();
        };
    }

    String fieldName() {
        return FIELDS.get(random.nextInt(FIELDS.size()));
    }

    String scalarText() {
        JsonNode scalar = scalar();
        return scalar.isString() ? scalar.stringValue() : scalar.toString();
    }

    private ObjectNode object(int depth) {
        var object = NODES.objectNode();
        for (int n = random.nextInt(6); n >= 0; n--) {
            object.set(fieldName(), value(depth - 1));
        }
        return object;
    }

    private JsonNode value(int depth) {
        int pick = random.nextInt(depth <= 0 ? 6 : 9);
        if (pick == 6) {
            return object(depth);
        }
        if (pick >= 7) {
            ArrayNode array = NODES.arrayNode();
            for (int n = random.nextInt(4); n > 0; n--) {
                array.add(value(depth - 1));
            }
            return array;
        }
        return scalar();
    }

    private JsonNode scalar() {
        return switch (random.nextInt(10)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 ->
                NODES.numberNode(List.of(0, -1, 1, 15, 30, Integer.MAX_VALUE, Integer.MIN_VALUE)
                        .get(random.nextInt(7)));
            case 3 ->
                random.nextBoolean()
                        ? NODES.numberNode(Long.MAX_VALUE)
                        : NODES.numberNode(List.of(1.5, -0.0, 1e308, 12.345).get(random.nextInt(4)));
            case 4 -> NODES.stringNode(ids.get(random.nextInt(ids.size())));
            default -> NODES.stringNode(TEXTS.get(random.nextInt(TEXTS.size())));
        };
    }

    /** A body close to a valid one for most endpoints: right names, mostly right kinds of values. */
    private ObjectNode plausible() {
        var body = NODES.objectNode();
        body.put("name", "Fuzz " + random.nextInt(1000));
        body.put("first_name", "Ada");
        body.put("last_name", "Byron");
        body.put("date_of_birth", "1990-01-01");
        body.put("timezone", "Europe/London");
        body.put("duration_minutes", 30);
        body.put("start_time", "2027-01-13T09:00:00Z");
        body.put("appointment_type_id", ids.get(3 % ids.size()));
        body.put("clinician_id", ids.get(1 % ids.size()));
        body.put("location_id", ids.get(0));
        body.put("url", "https://93.184.216.34/hooks");
        body.putArray("events").add("*");
        return body;
    }

    /** One field of a plausible body set to a hostile value. */
    private ObjectNode broken(ObjectNode body) {
        var names = new ArrayList<String>();
        body.propertyNames().forEach(names::add);
        String victim = names.get(random.nextInt(names.size()));
        if (random.nextInt(4) == 0) {
            body.remove(victim);
        } else {
            body.set(victim, value(1));
        }
        return body;
    }

    private String malformed() {
        return switch (random.nextInt(8)) {
            case 0 -> "{";
            case 1 -> "{\"name\": \"a\", \"name\": \"b\"}";
            case 2 -> "{\"name\": }";
            case 3 -> "{} trailing";
            case 4 -> "[".repeat(3000) + "]".repeat(3000);
            case 5 -> "{\"name\": \"" + "x".repeat(70_000) + "\"}";
            case 6 -> "null";
            default -> "\u00ff\u00fe not json";
        };
    }
}
