package org.carebook.catalog;

import java.util.Map;

import org.carebook.kernel.Address;
import org.carebook.api.JsonFields;
import org.carebook.kernel.Phones;

/** The writable fields of a location. */
public record LocationDraft(String name, String timezone, Address address, String phone,
                            Map<String, String> externalIds) {

    static final LocationDraft EMPTY = new LocationDraft(null, null, Address.EMPTY, null, Map.of());
    static final String[] FIELDS = {"name", "timezone", "address", "phone", "external_ids"};

    static LocationDraft read(JsonFields body, LocationDraft current, String country) {
        var draft = new LocationDraft(
                body.requiredText("name", JsonFields.NAME, current.name()),
                body.zone("timezone", current.timezone()),
                body.address("address", current.address()),
                body.phone("phone", country, current.phone()),
                body.strings("external_ids", current.externalIds()));
        body.require("timezone", draft.timezone());
        body.throwIfInvalid();
        return draft.address() == null ? new LocationDraft(draft.name(), draft.timezone(), Address.EMPTY, draft.phone(),
                draft.externalIds()) : draft;
    }
}
