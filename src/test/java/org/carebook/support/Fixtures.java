package org.carebook.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Request bodies with sensible defaults; each helper takes overrides as key/value pairs. */
public final class Fixtures {

    private Fixtures() {}

    public static Map<String, Object> location(Object... overrides) {
        return with(Map.of("name", "Harley Street", "timezone", "Europe/London"), overrides);
    }

    public static Map<String, Object> clinician(Object... overrides) {
        return with(Map.of("name", "Dr Jane Doe", "specialty", "General practice"), overrides);
    }

    public static Map<String, Object> appointmentType(Object... overrides) {
        return with(Map.of("name", "Consultation", "duration_minutes", 30), overrides);
    }

    public static Map<String, Object> schedule(String clinicianId, String locationId, Object... overrides) {
        return with(
                Map.of(
                        "clinician_id",
                        clinicianId,
                        "location_id",
                        locationId,
                        "is_remote",
                        false,
                        "weekly_hours",
                        List.of(Map.of("day", "monday", "start", "09:00", "end", "12:30"))),
                overrides);
    }

    public static Map<String, Object> patient(Object... overrides) {
        return with(Map.of("first_name", "Trisha", "last_name", "Pandit", "date_of_birth", "1994-12-22"), overrides);
    }

    public static Map<String, Object> with(Map<String, Object> defaults, Object... overrides) {
        var body = new HashMap<>(defaults);
        for (int i = 0; i < overrides.length; i += 2) {
            if (overrides[i + 1] == null) {
                body.remove((String) overrides[i]);
            } else {
                body.put((String) overrides[i], overrides[i + 1]);
            }
        }
        return body;
    }
}
