package org.carebook.console;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.carebook.kernel.Caller;
import org.carebook.patient.PatientView;
import org.carebook.patient.Patients;
import org.springframework.stereotype.Component;

/** The names lists show for patients, read in one query (and audited as one read of them all). */
@Component
class PatientNames {

    private final Patients patients;

    PatientNames(Patients patients) {
        this.patients = patients;
    }

    /** First and last name by patient id; a patient not found is missing from the map. */
    Map<String, String> of(Caller caller, Collection<String> ids) {
        return patients.several(caller, ids.stream().distinct().toList()).stream()
                .collect(Collectors.toMap(PatientView::id, p -> p.firstName() + " " + p.lastName(), (a, b) -> a));
    }
}
