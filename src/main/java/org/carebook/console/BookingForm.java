package org.carebook.console;

import java.time.LocalDate;
import java.util.List;

/**
 * The booking page: what has been chosen so far (type, clinician, date, a free time, a patient), the free
 * times and patients to choose from, and what went wrong with the last attempt, if anything.
 */
public record BookingForm(
        String mode,
        DayView.LocationChoice location,
        String zone,
        LocalDate date,
        List<Option> types,
        List<Option> clinicians,
        List<Option> times,
        List<Option> patients,
        String query,
        NewPatient newPatient,
        String notes,
        Repeat repeat,
        String at,
        List<String> problems,
        boolean taken) {

    /** How often the booking repeats, as chosen: every {@code everyWeeks} weeks (empty: once), {@code times} in all. */
    public record Repeat(String everyWeeks, String times) {

        public boolean chosen() {
            return !everyWeeks.isEmpty();
        }
    }

    /** One choice in a list: what is posted, what is read, and whether it is the one chosen. */
    public record Option(String value, String label, String detail, boolean selected) {}

    /** The patient typed in when they are not on file yet. */
    public record NewPatient(String firstName, String lastName, String dateOfBirth, String phone, String email) {

        static final NewPatient BLANK = new NewPatient("", "", "", "", "");
    }

    public String path() {
        return ConsolePaths.of(mode).book();
    }

    public String findPath() {
        return path() + "/find";
    }

    public LocalDate nextDay() {
        return date.plusDays(1);
    }

    public String dayPath() {
        return ConsolePaths.of(mode).day() + "?location=" + location.id() + "&date=" + date;
    }

    public String chosenType() {
        return chosen(types);
    }

    public String chosenClinician() {
        return chosen(clinicians);
    }

    public boolean newPatientChosen() {
        return patients.stream().noneMatch(Option::selected);
    }

    private static String chosen(List<Option> options) {
        return options.stream()
                .filter(Option::selected)
                .map(Option::value)
                .findFirst()
                .orElse("");
    }
}
