package org.carebook.notification;

import org.carebook.kernel.WireName;

/** Where a message is: queued until sent, failed for good, or suppressed (recorded, never sent). */
public enum NotificationStatus implements WireName {
    QUEUED,
    SENT,
    FAILED,
    SUPPRESSED;

    static NotificationStatus fromWire(String value) {
        return WireName.parse(NotificationStatus.class, value);
    }
}
