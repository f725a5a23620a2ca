package org.carebook.waitlist;

import org.carebook.kernel.WireName;

/** An offer waits for an answer ({@code open}), then is accepted, declined, or lapses unanswered. */
enum OfferStatus implements WireName {
    OPEN,
    ACCEPTED,
    DECLINED,
    LAPSED;

    static OfferStatus fromWire(String value) {
        return WireName.parse(OfferStatus.class, value);
    }
}
