package org.carebook.booking;

/**
 * What keeps a slot of the grid from being offered, or that nothing does. FHIR names them Slot statuses: a time
 * held by someone about to book, or booked but awaiting the clinic's approval, is tentative; the clinician's time
 * off makes it unavailable.
 */
public enum SlotState {
    FREE,
    BUSY,
    BUSY_TENTATIVE,
    BUSY_UNAVAILABLE;
}
