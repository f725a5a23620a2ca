package org.carebook.patient;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.carebook.api.Lengths;
import org.carebook.kernel.Address;
import org.carebook.kernel.Phones;

/** A patient as a request gives them (docs/api.md §5): the body of the patient routes, and inline in a booking. */
@Schema(
        name = "PatientRequest",
        description = "A patient. Phone numbers are stored in E.164 form; a number without a country code is read"
                + " in the organization's country.")
public record PatientRequest(
        @Schema(requiredMode = REQUIRED, maxLength = Lengths.NAME, example = "Grace")
        String firstName,

        @Schema(requiredMode = REQUIRED, maxLength = Lengths.NAME, example = "Hopper")
        String lastName,

        @Schema(requiredMode = REQUIRED, example = "1986-12-09")
        LocalDate dateOfBirth,

        @Schema(format = "email", maxLength = Lengths.TEXT, example = "grace@example.org")
        String email,

        @Schema(maxLength = Phones.MAX_LENGTH, example = "+44 20 7946 0321")
        String phone,

        @Schema(allowableValues = {"female", "male", "other", "unknown"})
        String sex,

        Address address,
        PatientView.Insurance insurance,

        @Schema(description = "Ids in other systems, such as an EHR's medical record number; at most 50.")
        Map<String, String> externalIds,

        @Schema(maxLength = 35, description = "A BCP 47 language tag for the patient's messages.", example = "de-DE")
        String preferredLanguage) {

    /** What a booking made with a browser's key may say about its patient: only who they are. */
    public static final Set<String> BROWSER_FIELDS =
            Set.of("firstName", "lastName", "dateOfBirth", "email", "phone", "preferredLanguage");
}
