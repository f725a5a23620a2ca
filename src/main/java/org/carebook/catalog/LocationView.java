package org.carebook.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.carebook.kernel.Address;

public record LocationView(
        String id,
        String name,
        String timezone,
        Address address,
        String phone,
        boolean isActive,
        List<RoomView> rooms,
        Map<String, String> externalIds,
        Instant createdAt,
        Instant updatedAt) {

    public record RoomView(String id, String name, boolean isActive) {}

    /** Name and address on one line, for calendars and messages. */
    public String oneLine() {
        if (address == null) {
            return name;
        }
        return Stream.of(name, address.line1(), address.line2(), address.city(), address.postcode(), address.country())
                .filter(part -> part != null && !part.isBlank())
                .collect(Collectors.joining(", "));
    }
}
