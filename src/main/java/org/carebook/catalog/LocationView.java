package org.carebook.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.carebook.kernel.Address;

public record LocationView(String id, String name, String timezone, Address address, String phone, boolean isActive,
                           List<RoomView> rooms, Map<String, String> externalIds, Instant createdAt,
                           Instant updatedAt) {

    public record RoomView(String id, String name, boolean isActive) {
    }
}
