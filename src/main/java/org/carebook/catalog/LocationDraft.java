package org.carebook.catalog;

import java.util.Map;
import org.carebook.kernel.Address;
import org.carebook.kernel.Phones;
import org.carebook.kernel.Problems;
import org.carebook.kernel.Zones;

/** The writable fields of a location. */
public record LocationDraft(
        String name, String timezone, Address address, String phone, Map<String, String> externalIds) {

    static final LocationDraft EMPTY = new LocationDraft(null, null, Address.EMPTY, null, Map.of());

    public LocationDraft {
        externalIds = externalIds == null ? Map.of() : externalIds;
    }

    /** A name and a time zone, and the phone in E.164 (read in {@code country} without a country code). */
    LocationDraft checked(String country, Problems problems) {
        problems.requireText("name", name);
        problems.require("timezone", timezone);
        Zones.check("timezone", timezone, problems);
        var stored = address == null ? Address.EMPTY : address;
        stored.check(problems, "address.");
        return new LocationDraft(
                name, timezone, stored, Phones.normalize(phone, country, problems, "phone"), externalIds);
    }
}
