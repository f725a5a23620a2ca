package org.carebook.console;

import java.util.List;

/** The "move to" page: the appointment, the next free times to move it to, and why the last try failed. */
public record MoveForm(
        String path,
        String back,
        String patient,
        String type,
        String when,
        List<BookingForm.Option> clinicians,
        List<BookingForm.Option> times,
        String problem) {}
