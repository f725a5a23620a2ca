package org.carebook.staff;

/**
 * A change to a member of staff; a null field is left as it is. A clinician id comes with the clinician role
 * (and only with it); {@code status} is {@code ACTIVE} to enable or {@code DISABLED} to disable.
 */
public record ChangeStaff(String name, StaffRole role, String clinicianId, StaffStatus status) {}
