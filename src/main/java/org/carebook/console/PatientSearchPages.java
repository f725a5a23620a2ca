package org.carebook.console;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.PageRequest;
import org.carebook.kernel.Scope;
import org.carebook.patient.PatientQuery;
import org.carebook.patient.PatientView;
import org.carebook.patient.Patients;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The search box on every page: a name (typos forgiven), a phone number, an e-mail address or a date of birth.
 * Posted, never put in the address, so what is typed stays out of access logs; every search is audited.
 */
@Controller
class PatientSearchPages {

    static final int MOST = 25;
    private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("d/M/uuuu", Locale.ROOT);

    private final Patients patients;
    private final Viewers viewers;

    PatientSearchPages(Patients patients, Viewers viewers) {
        this.patients = patients;
        this.viewers = viewers;
    }

    /** What was searched for, and the patients found, each with the way to their page. */
    public record Found(String query, List<Match> matches) {}

    public record Match(String name, String dateOfBirth, String phone, String email, String path) {}

    @PostMapping({"/console/patients/search", "/console/test/patients/search"})
    String search(Caller caller, @RequestParam(required = false) String q, Model model) {
        if (!caller.has(Scope.READ_PATIENTS) || viewers.of(caller).limitedToOwnPatients()) {
            throw CarebookException.forbidden(
                    "not_front_desk", "Only the front desk and owners search all patients.", List.of());
        }
        String query = FormText.given(q);
        var paths = ConsolePaths.of(caller.tenant().mode().wire());
        List<PatientView> found = query == null
                ? List.of()
                : birthDate(query)
                        .map(day -> patients.find(
                                        caller,
                                        new PatientQuery(null, null, null, day),
                                        PageRequest.of("" + MOST, null))
                                .data())
                        .orElseGet(() -> patients.search(caller, query, MOST).data());
        model.addAttribute(
                "found",
                new Found(
                        FormText.shown(query),
                        found.stream()
                                .map(p -> new Match(
                                        p.firstName() + " " + p.lastName(),
                                        p.dateOfBirth() == null
                                                ? "—"
                                                : p.dateOfBirth().toString(),
                                        p.phone() == null ? "—" : p.phone(),
                                        p.email() == null ? "—" : p.email(),
                                        paths.patient(p.id())))
                                .toList()));
        return "console/patients";
    }

    /** A date of birth as people type it: 1994-12-22 or 22/12/1994. */
    private static Optional<LocalDate> birthDate(String text) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException notIso) {
            try {
                return Optional.of(LocalDate.parse(text, DAY_FIRST));
            } catch (DateTimeParseException notDayFirst) {
                return Optional.empty();
            }
        }
    }
}
