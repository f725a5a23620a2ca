package org.carebook.console;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carebook.booking.AppointmentFilter;
import org.carebook.booking.Appointments;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Problems;
import org.carebook.kernel.Scope;
import org.carebook.patient.Patients;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Editing a patient's details through {@link Patients#update}, as {@code PATCH /v1/patients/{id}} does (audited,
 * {@code patient.updated} with the names of the changed fields), and exporting what Carebook holds of a patient
 * as one JSON file: the record and every appointment, for a patient who asks for their data.
 */
@Controller
class PatientEditPages {

    private static final Map<String, String> LABELS = Map.of(
            "first_name", "First name",
            "last_name", "Last name",
            "date_of_birth", "Date of birth",
            "phone", "Phone",
            "email", "E-mail",
            "preferred_language", "Language",
            "insurance.payer", "Insurance payer");

    private final Patients patients;
    private final Appointments appointments;

    PatientEditPages(Patients patients, Appointments appointments) {
        this.patients = patients;
        this.appointments = appointments;
    }

    /** The edit page: where it posts, whose record, the fields, and what was wrong with the last try. */
    public record EditPage(String path, String back, String name, PatientForm form, List<String> problems) {}

    @GetMapping({"/console/patients/{id}/edit", "/console/test/patients/{id}/edit"})
    String edit(Caller caller, @PathVariable String id, Model model) {
        Access.require(caller, Scope.WRITE_PATIENTS);
        var patient = patients.get(caller, id);
        model.addAttribute(
                "edit",
                page(caller, id, patient.firstName() + " " + patient.lastName(), PatientForm.of(patient), List.of()));
        return "console/patient-edit";
    }

    @PostMapping({"/console/patients/{id}/edit", "/console/test/patients/{id}/edit"})
    String save(
            Caller caller,
            @PathVariable String id,
            @RequestParam Map<String, String> posted,
            Model model,
            HttpServletResponse response) {
        Access.require(caller, Scope.WRITE_PATIENTS);
        var form = PatientForm.read(posted);
        var problems = new Problems();
        try {
            var change = form.change(problems);
            problems.throwIfAny();
            patients.update(caller, id, change, problems);
            return "redirect:" + ConsolePaths.of(caller.tenant().mode().wire()).patient(id) + "?saved";
        } catch (CarebookException e) {
            if (e.status() != 422) {
                throw e;
            }
            response.setStatus(422);
            model.addAttribute(
                    "edit",
                    page(caller, id, form.firstName() + " " + form.lastName(), form, FormText.allProblems(e, LABELS)));
            return "console/patient-edit";
        }
    }

    /** Everything Carebook holds of the patient, as JSON in the API's own shapes; audited as a read of the record. */
    @GetMapping({"/console/patients/{id}/export", "/console/test/patients/{id}/export"})
    @ResponseBody
    ResponseEntity<Map<String, Object>> export(Caller caller, @PathVariable String id) {
        Access.require(caller, Scope.WRITE_PATIENTS);
        var patient = patients.get(caller, id);
        var filter = new AppointmentFilter(null, null, null, null, id, null, null, null);
        var body = new LinkedHashMap<String, Object>();
        body.put("patient", patient);
        body.put("appointments", appointments.all(caller, filter));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"patient-" + id + ".json\"")
                .body(body);
    }

    private static EditPage page(Caller caller, String id, String name, PatientForm form, List<String> problems) {
        var path = ConsolePaths.of(caller.tenant().mode().wire()).patient(id);
        return new EditPage(path + "/edit", path, name, form, problems);
    }
}
