package org.carebook.console;

import org.carebook.kernel.Caller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A patient's page, for the staff allowed to see that patient. */
@Controller
class PatientPages {

    private final PatientRecords records;
    private final Viewers viewers;

    PatientPages(PatientRecords records, Viewers viewers) {
        this.records = records;
        this.viewers = viewers;
    }

    @GetMapping({"/console/patients/{id}", "/console/test/patients/{id}"})
    String patient(Caller caller, @PathVariable String id, Model model) {
        String back = ConsolePaths.of(caller.tenant().mode().wire()).day();
        model.addAttribute("record", records.open(caller, viewers.of(caller), id, back));
        return "console/patient";
    }
}
