package org.carebook.console;

import java.util.List;
import org.carebook.patient.PatientView;

/**
 * A patient's page: their details, their appointments to come and past, how often they did not come or cancelled
 * late, and who has opened the record lately.
 */
public record PatientRecord(
        PatientView patient,
        List<Visit> upcoming,
        List<Visit> past,
        long noShows,
        long lateCancellations,
        List<Look> lookedAt,
        String backPath) {

    /** One appointment of theirs, as a line: when, what, with whom, and its status. */
    public record Visit(String when, String isoStart, String type, String clinician, String status) {}

    /** One entry of the audit log about the record: when, who (a member of staff's name, or a key), what. */
    public record Look(String when, String isoWhen, String who, String action) {}

    public String name() {
        return patient.firstName() + " " + patient.lastName();
    }
}
