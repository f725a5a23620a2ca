package org.carebook.console;

import jakarta.servlet.http.HttpServletResponse;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Scope;
import org.carebook.patient.PatientErasures;
import org.carebook.patient.Patients;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Erasing a patient on their request, for owners only: a page that says what happens and asks for the request to
 * be confirmed, then {@link PatientErasures}. What stops it (appointments to come, a place on the waitlist) is said.
 */
@Controller
class ErasePages {

    private final Patients patients;
    private final PatientErasures erasures;

    ErasePages(Patients patients, PatientErasures erasures) {
        this.patients = patients;
        this.erasures = erasures;
    }

    /** The page: where it posts, where back goes, whose record, and what stopped the last try. */
    public record ErasePage(String path, String back, String name, String problem) {}

    @GetMapping({"/console/patients/{id}/erase", "/console/test/patients/{id}/erase"})
    String page(Caller caller, @PathVariable String id, Model model) {
        Access.require(caller, Scope.MANAGE_ORGANIZATION);
        model.addAttribute("erase", asked(caller, id, null));
        return "console/erase";
    }

    @PostMapping({"/console/patients/{id}/erase", "/console/test/patients/{id}/erase"})
    String erase(
            Caller caller,
            @PathVariable String id,
            @RequestParam(required = false) String requested,
            Model model,
            HttpServletResponse response) {
        Access.require(caller, Scope.MANAGE_ORGANIZATION);
        String path = ConsolePaths.of(caller.tenant().mode().wire()).patient(id);
        try {
            if (!"yes".equals(requested)) {
                throw CarebookException.invalidField("requested", "confirm that the patient asked for it");
            }
            erasures.erase(caller, id);
            return "redirect:" + path + "?erased";
        } catch (CarebookException e) {
            if (e.status() != 409 && e.status() != 422) {
                throw e;
            }
            response.setStatus(e.status());
            // The one 422 is the unticked box, which the page says in the reader's language.
            String problem = e.status() == 422 ? "erase.confirmFirst" : e.getMessage();
            model.addAttribute("erase", asked(caller, id, problem));
            return "console/erase";
        }
    }

    private ErasePage asked(Caller caller, String id, String problem) {
        var patient = patients.get(caller, id);
        String path = ConsolePaths.of(caller.tenant().mode().wire()).patient(id);
        return new ErasePage(path + "/erase", path, patient.firstName() + " " + patient.lastName(), problem);
    }
}
