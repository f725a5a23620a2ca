package org.carebook.console;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.carebook.kernel.Caller;
import org.carebook.kernel.Scope;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** A patient's page, for the staff allowed to see that patient. */
@Controller
class PatientPages {

    private final PatientRecords records;
    private final Viewers viewers;
    private final Catalogue catalogue;
    private final Clock clock;

    PatientPages(PatientRecords records, Viewers viewers, Catalogue catalogue, Clock clock) {
        this.records = records;
        this.viewers = viewers;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** Adding the patient to the waitlist: the services and clinicians to choose from, and a last day to suggest. */
    public record WaitlistForm(
            String path, List<BookingForm.Option> services, List<BookingForm.Option> clinicians, String until) {}

    @GetMapping({"/console/patients/{id}", "/console/test/patients/{id}"})
    String patient(
            Caller caller,
            @PathVariable String id,
            @RequestParam(required = false) String merged,
            @RequestParam(required = false) String saved,
            @RequestParam(required = false) String erased,
            Model model) {
        var paths = ConsolePaths.of(caller.tenant().mode().wire());
        model.addAttribute("record", records.open(caller, viewers.of(caller), id, paths.day()));
        model.addAttribute("merged", merged != null);
        model.addAttribute("saved", saved != null);
        model.addAttribute("erased", erased != null);
        if (caller.has(Scope.MANAGE_ORGANIZATION)) {
            model.addAttribute("erasePath", paths.patient(id) + "/erase");
        }
        if (caller.has(Scope.WRITE_PATIENTS)) {
            model.addAttribute("mergePath", paths.patient(id) + "/merge");
            model.addAttribute("editPath", paths.patient(id));
        }
        if (caller.has(Scope.WRITE_APPOINTMENTS)) {
            model.addAttribute(
                    "waitlistForm",
                    new WaitlistForm(
                            paths.patient(id) + "/waitlist",
                            catalogue.types(caller).stream()
                                    .map(t -> new BookingForm.Option(t.id(), t.name(), null, false))
                                    .toList(),
                            catalogue.clinicians(caller, null).stream()
                                    .map(c -> new BookingForm.Option(c.id(), c.name(), null, false))
                                    .toList(),
                            LocalDate.now(clock).plusWeeks(6).toString()));
        }
        return "console/patient";
    }
}
