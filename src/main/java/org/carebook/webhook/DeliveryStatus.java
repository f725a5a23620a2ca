package org.carebook.webhook;

import org.carebook.kernel.WireName;

/** Where a delivery is: pending (waiting for its next attempt), delivered, or failed for good. */
public enum DeliveryStatus implements WireName {
    PENDING,
    DELIVERED,
    FAILED;

    static DeliveryStatus fromWire(String value) {
        return WireName.parse(DeliveryStatus.class, value);
    }
}
