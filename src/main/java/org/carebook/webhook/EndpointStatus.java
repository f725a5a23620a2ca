package org.carebook.webhook;

import org.carebook.kernel.WireName;

/** Whether an endpoint receives events: disabled by the clinic, or because its receiver answered 410 Gone. */
public enum EndpointStatus implements WireName {
    ENABLED,
    DISABLED;

    static EndpointStatus fromWire(String value) {
        return WireName.parse(EndpointStatus.class, value);
    }
}
