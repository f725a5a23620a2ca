package org.carebook.availability;

/**
 * Narrowing asked for by the caller: any of clinician, location, mode and payer may be null (no
 * narrowing). {@code publishable} is true when a browser key asks, which sees only online-bookable types.
 */
public record SlotFilter(
        String clinicianId, String locationId, Boolean remote, String insurancePayer, boolean publishable) {

    public static final SlotFilter NONE = new SlotFilter(null, null, null, null, false);

    boolean admits(WorkingSchedule schedule) {
        return (clinicianId == null || clinicianId.equals(schedule.clinicianId()))
                && (locationId == null || locationId.equals(schedule.locationId()))
                && (remote == null || remote == schedule.remote())
                && (insurancePayer == null || schedule.accepts(insurancePayer));
    }
}
