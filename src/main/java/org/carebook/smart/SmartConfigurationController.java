package org.carebook.smart;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carebook.kernel.PublicAddress;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** SMART's discovery document, beside the FHIR base, for backend clients: where the token endpoint is and how. */
@Hidden
@RestController
class SmartConfigurationController {

    static final List<String> SCOPES = List.of(
            "system/Slot.rs",
            "system/Schedule.rs",
            "system/Practitioner.rs",
            "system/PractitionerRole.rs",
            "system/Location.rs",
            "system/HealthcareService.rs",
            "system/Appointment.cruds",
            "system/Patient.cruds",
            "system/AuditEvent.rs");

    private final PublicAddress address;

    SmartConfigurationController(PublicAddress address) {
        this.address = address;
    }

    @GetMapping(path = "/fhir/r4/.well-known/smart-configuration", produces = "application/json")
    Map<String, Object> configuration() {
        var document = new LinkedHashMap<String, Object>();
        document.put("token_endpoint", address.link(TokenGrant.PATH));
        document.put("grant_types_supported", List.of("client_credentials"));
        document.put("token_endpoint_auth_methods_supported", List.of("private_key_jwt"));
        document.put("token_endpoint_auth_signing_alg_values_supported", List.of("RS384", "ES384"));
        document.put("scopes_supported", SCOPES);
        document.put("capabilities", List.of("client-confidential-asymmetric", "permission-v1", "permission-v2"));
        return document;
    }
}
