package org.carebook.console;

/**
 * Whose patients a signed-in member of staff may see: a clinician their own (those booked with them), and
 * other calendars only as busy time; everyone else every patient.
 */
record Viewer(String ownClinicianId) {

    static final Viewer WHOLE_CLINIC = new Viewer(null);

    boolean seesPatientsOf(String clinicianId) {
        return ownClinicianId == null || ownClinicianId.equals(clinicianId);
    }

    boolean limitedToOwnPatients() {
        return ownClinicianId != null;
    }
}
