package org.carebook.catalog;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Set;
import org.carebook.kernel.Problems;

/**
 * The standard service an appointment type is, for systems that know HL7's service types or SNOMED CT rather than
 * Carebook's own type ids: FHIR shows it beside Carebook's code, with its display.
 */
@Schema(
        name = "ServiceType",
        description = "A standard code for the service: HL7 service-type or SNOMED CT, with its display name.")
public record ServiceType(
        @Schema(
                requiredMode = REQUIRED,
                allowableValues = {HL7, SNOMED_CT})
        String system,

        @Schema(requiredMode = REQUIRED, maxLength = 64, example = "124")
        String code,

        @Schema(requiredMode = REQUIRED, maxLength = 200, example = "General Practice")
        String display) {

    public static final String HL7 = "http://terminology.hl7.org/CodeSystem/service-type";
    public static final String SNOMED_CT = "http://snomed.info/sct";

    private static final Set<String> SYSTEMS = Set.of(HL7, SNOMED_CT);

    /** Every part given, from a known system; a SNOMED CT code is digits only. */
    void check(Problems problems) {
        if (!SYSTEMS.contains(system)) {
            problems.add("serviceType.system", "must be " + HL7 + " or " + SNOMED_CT);
        }
        problems.requireText("serviceType.code", code);
        problems.requireText("serviceType.display", display);
        if (SNOMED_CT.equals(system) && code != null && !code.matches("[0-9]{6,18}")) {
            problems.add("serviceType.code", "must be a SNOMED CT concept id (6 to 18 digits)");
        }
    }
}
