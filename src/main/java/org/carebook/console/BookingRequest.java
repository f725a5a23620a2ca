package org.carebook.console;

/**
 * The booking page's parameters as posted or put in its address, all text so that nothing fails to bind:
 * {@code time} is a free time's value ({@code start|schedule}), {@code patient} a patient's id or
 * {@code new}; {@code repeatEvery} is a number of weeks (empty: once) and {@code repeatTimes} how many in all;
 * {@code at} is a local clock time ({@code 10:15}) clicked on the grid, from which the first free time is chosen.
 */
record BookingRequest(
        String location,
        String date,
        String type,
        String clinician,
        String time,
        String patient,
        String q,
        String firstName,
        String lastName,
        String dateOfBirth,
        String phone,
        String email,
        String notes,
        String repeatEvery,
        String repeatTimes,
        String at) {

    static final String NEW_PATIENT = "new";

    BookingForm.NewPatient newPatient() {
        return new BookingForm.NewPatient(
                FormText.shown(firstName),
                FormText.shown(lastName),
                FormText.shown(dateOfBirth),
                FormText.shown(phone),
                FormText.shown(email));
    }
}
