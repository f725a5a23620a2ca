package org.carebook.console;

import java.util.List;

/**
 * A class session's page: what, when, with whom, how many places are left, and its roster, each attendee with
 * the actions of their own appointment. A viewer who may not see the clinician's patients sees the counts only.
 */
public record SessionSheet(
        String back,
        String self,
        String type,
        String when,
        String clinician,
        String status,
        int capacity,
        int seatsLeft,
        List<Attendee> attendees,
        boolean shown,
        boolean mayAct) {

    /** One attendee: their appointment's status and the paths of its page and actions. */
    public record Attendee(
            String patient, String patientPath, String appointmentPath, String status, boolean upcoming) {

        public String actionPath(String action) {
            return appointmentPath + "/" + action;
        }
    }
}
