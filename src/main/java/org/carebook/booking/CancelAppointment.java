package org.carebook.booking;

/** Cancel an appointment, saying who cancelled it and why. */
public record CancelAppointment(String reason, By cancelledBy) {

    public static final CancelAppointment BY_CLINIC = new CancelAppointment(null, By.CLINIC);

    public enum By {
        PATIENT,
        CLINIC;

        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
