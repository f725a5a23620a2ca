package org.carebook.calendar;

import org.carebook.kernel.WireName;

/** Whether a linked calendar's busy times are in: not read yet, read at the last poll, or the last poll failed. */
public enum SyncStatus implements WireName {
    PENDING,
    SYNCED,
    FAILED;
}
