package org.carebook.smart;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.carebook.api.Lengths;

/** The body that registers a SMART backend client, as the OpenAPI document shows it. */
@Schema(
        name = "SmartClientRequest",
        description = "A system that will get access tokens by signing a JWT with its private key: where its public "
                + "keys are (jwks_url) or the keys themselves (jwks), and the SMART system scopes it may ask for.")
record SmartClientRequest(
        @Schema(requiredMode = REQUIRED, maxLength = Lengths.TEXT, example = "Regional EHR")
        String name,

        @Schema(format = "uri", maxLength = 2000, example = "https://ehr.example/.well-known/jwks.json")
        String jwksUrl,

        @Schema(description = "A JSON Web Key Set of public keys (RSA or EC); private members are refused.")
        Jwks jwks,

        @ArraySchema(
                maxItems = 20,
                items = @Schema(maxLength = 60, example = "system/Appointment.cruds"),
                arraySchema = @Schema(requiredMode = REQUIRED, description = "SMART system scopes, v1 or v2 syntax."))
        List<String> scopes) {

    /** A key set: public keys only, so a private key sent by mistake is refused as an unknown field. */
    @Schema(name = "Jwks")
    record Jwks(
            @ArraySchema(maxItems = 10, arraySchema = @Schema(requiredMode = REQUIRED))
            List<Jwk> keys) {}

    @Schema(name = "Jwk")
    record Jwk(
            @Schema(
                    requiredMode = REQUIRED,
                    allowableValues = {"RSA", "EC"})
            String kty,

            @Schema(maxLength = 200) String kid,
            @Schema(maxLength = 10) String alg,
            @Schema(maxLength = 10) String use,

            @Schema(maxLength = 1000, description = "RSA modulus")
            String n,

            @Schema(maxLength = 20, description = "RSA exponent")
            String e,

            @Schema(maxLength = 10, description = "EC curve")
            String crv,

            @Schema(maxLength = 200) String x,
            @Schema(maxLength = 200) String y) {}
}
