package org.carebook.console;

import jakarta.servlet.http.HttpServletResponse;
import org.carebook.booking.AppointmentFilter;
import org.carebook.booking.Appointments;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Scope;
import org.carebook.patient.PatientMerges;
import org.carebook.patient.PatientView;
import org.carebook.patient.Patients;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A record flagged as a possible duplicate, side by side with the one it resembles: staff choose the record to
 * keep, and the other's appointments and history move to it through the same {@link PatientMerges} as the API.
 */
@Controller
class MergePages {

    private final Patients patients;
    private final PatientMerges merges;
    private final Appointments appointments;

    MergePages(Patients patients, PatientMerges merges, Appointments appointments) {
        this.patients = patients;
        this.merges = merges;
        this.appointments = appointments;
    }

    /** The page: where it posts, the two records, and what stopped the last try, if anything. */
    public record MergePage(String path, String back, Side flagged, Side resembled, String problem) {}

    /** One record as compared: its details and how many appointments it has. */
    public record Side(PatientView patient, String name, int appointments) {}

    @GetMapping({"/console/patients/{id}/merge", "/console/test/patients/{id}/merge"})
    String page(Caller caller, @PathVariable String id, Model model) {
        Access.require(caller, Scope.WRITE_PATIENTS);
        model.addAttribute("merge", compared(caller, id, null));
        return "console/merge";
    }

    @PostMapping({"/console/patients/{id}/merge", "/console/test/patients/{id}/merge"})
    String merge(
            Caller caller,
            @PathVariable String id,
            @RequestParam(required = false) String keep,
            Model model,
            HttpServletResponse response) {
        Access.require(caller, Scope.WRITE_PATIENTS);
        var paths = ConsolePaths.of(caller.tenant().mode().wire());
        var flagged = patients.get(caller, id);
        String other = flagged.possibleDuplicateOf();
        if (other == null || !(id.equals(keep) || other.equals(keep))) {
            throw CarebookException.notFound("This record is not flagged as a possible duplicate.");
        }
        try {
            var merged = merges.merge(caller, keep, keep.equals(id) ? other : id);
            return "redirect:" + paths.patient(merged.id()) + "?merged";
        } catch (CarebookException e) {
            if (e.status() != 409 && e.status() != 422) {
                throw e;
            }
            response.setStatus(e.status());
            model.addAttribute("merge", compared(caller, id, e.getMessage()));
            return "console/merge";
        }
    }

    private MergePage compared(Caller caller, String id, String problem) {
        var paths = ConsolePaths.of(caller.tenant().mode().wire());
        var flagged = patients.get(caller, id);
        if (flagged.possibleDuplicateOf() == null) {
            throw CarebookException.notFound("This record is not flagged as a possible duplicate.");
        }
        var resembled = patients.get(caller, flagged.possibleDuplicateOf());
        return new MergePage(
                paths.patient(id) + "/merge",
                paths.patient(id),
                side(caller, flagged),
                side(caller, resembled),
                problem);
    }

    private Side side(Caller caller, PatientView patient) {
        var filter = new AppointmentFilter(null, null, null, null, patient.id(), null, null, null);
        return new Side(
                patient,
                patient.firstName() + " " + patient.lastName(),
                appointments.all(caller, filter).size());
    }
}
