package org.carebook.console;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carebook.kernel.CarebookException;

/** What a console form posts arrives as text: blank means not given, and a refusal is said in words. */
final class FormText {

    private FormText() {}

    /** The text as given (stripped), or null when the field was left blank. */
    static String given(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The value to put back in a field: empty rather than null. */
    static String shown(String text) {
        return text == null ? "" : text;
    }

    /** A whole number as typed, or empty. */
    static Optional<Integer> number(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** An ISO date, or nothing when blank or not a date. */
    static Optional<LocalDate> date(String text) {
        try {
            return text == null || text.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A clock time such as {@code 10:15}, or nothing when blank or not a time. */
    static Optional<LocalTime> time(String text) {
        try {
            return text == null || text.isBlank() ? Optional.empty() : Optional.of(LocalTime.parse(text.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Everything wrong, for the page: {@code field: issue} each with the field's label, or the message. */
    static List<String> allProblems(CarebookException e, Map<String, String> labels) {
        if (e.details().isEmpty()) {
            return List.of(e.getMessage());
        }
        return e.details().stream()
                .map(d -> labels.getOrDefault(d.field(), d.field()) + ": " + d.issue())
                .toList();
    }

    /** The first thing wrong, for the page: {@code field: issue} with the field's label, or the message. */
    static String firstProblem(CarebookException e, Map<String, String> labels) {
        return allProblems(e, labels).get(0);
    }
}
