package org.carebook.booking;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Who sent the patient: the {@code source} and {@code booking-referral} a directory appends to a published slot's
 * booking link (SMART Scheduling Links), kept on the appointment so that the directory can be credited. They come
 * from an address anyone can write, so they are labels, never trusted.
 */
@Schema(
        name = "Referral",
        description = "Where the booking came from: the directory that linked to the booking page (source) and its"
                + " own reference for the referral (booking_referral), as its booking link carried them.")
public record Referral(
        @Schema(maxLength = 100, example = "healthdirectory.example")
        String source,

        @Schema(maxLength = 200, example = "ref-8c1f2") String bookingReferral) {

    /** No referral when neither part was given. */
    static Referral of(String source, String bookingReferral) {
        return source == null && bookingReferral == null ? null : new Referral(source, bookingReferral);
    }
}
