package org.carebook.calendar;

import org.carebook.kernel.WireName;

/** How a linked calendar is read: an iCalendar file at an address, or a calendar on a CalDAV server. */
public enum LinkKind implements WireName {
    ICS,
    CALDAV;
}
