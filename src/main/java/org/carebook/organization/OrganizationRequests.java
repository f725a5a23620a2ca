package org.carebook.organization;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.carebook.api.JsonFields;
import org.carebook.kernel.Phones;

/** The bodies of the organization and key routes (docs/api.md §1), as the OpenAPI documents show them. */
final class OrganizationRequests {

    private OrganizationRequests() {}

    @Schema(
            name = "OrganizationRequest",
            description = "A clinic or practice group and its booking rules. The change rules bind patients who"
                    + " use their manage link; null means no rule.")
    record Organization(
            @Schema(requiredMode = REQUIRED, maxLength = JsonFields.NAME, example = "Riverside Physio")
            String name,

            @Schema(requiredMode = REQUIRED, description = "An IANA time zone.", example = "Europe/London")
            String timezone,

            @Schema(requiredMode = REQUIRED, description = "ISO 3166-1 alpha-2.", example = "GB")
            String country,

            @Schema(requiredMode = REQUIRED, description = "ISO 4217.", example = "GBP")
            String currency,

            @Schema(minimum = "1", maximum = "60", defaultValue = "15")
            Integer holdTtlMinutes,

            @Schema(description = "Hours before an appointment to remind the patient; at most 5, each 1 to 720.")
            List<Integer> reminderHoursBefore,

            @Schema(description = "ISO 3166-1 alpha-2 codes of the countries SMS may be sent to.")
            List<String> smsCountries,

            @Schema(maxLength = Phones.MAX_LENGTH, description = "Shown to patients who must call instead.")
            String phone,

            @Schema(minimum = "0", maximum = "8760") Integer cancelNoticeHours,
            @Schema(minimum = "0", maximum = "8760") Integer rescheduleNoticeHours,
            @Schema(minimum = "0", maximum = "100") Integer maxReschedules,
            @Schema(minimum = "1", maximum = "1000") Integer maxActiveBookingsPerPatient) {}

    @Schema(
            name = "ApiKeyRequest",
            description = "A new key. A secret key needs scopes, each held by the calling key; a publishable key"
                    + " has fixed scopes and lists the origins of the pages that use it.")
    record ApiKey(
            @Schema(requiredMode = REQUIRED, maxLength = JsonFields.NAME, example = "Website widget")
            String name,

            @Schema(
                    requiredMode = REQUIRED,
                    allowableValues = {"secret", "publishable"})
            String type,

            List<String> scopes,

            @Schema(description = "Origins such as https://clinic.example; at most 20.")
            List<String> allowedOrigins) {}
}
