package org.carebook.console;

/** One appointment's page: what it is, and the details staff may edit (notes, payment mode, insurance). */
public record AppointmentSheet(
        String path,
        String back,
        String patient,
        String patientPath,
        String type,
        String when,
        String clinician,
        String status,
        String notes,
        String paymentMode,
        String insurancePayer,
        String insuranceMemberId,
        String insuranceGroupNumber,
        boolean mayEdit,
        String problem) {}
