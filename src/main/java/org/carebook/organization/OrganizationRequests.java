package org.carebook.organization;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.carebook.api.Body;
import org.carebook.api.Lengths;
import org.carebook.kernel.Caller;
import org.carebook.kernel.KeyKind;
import org.carebook.kernel.Phones;
import org.carebook.kernel.Problems;
import org.carebook.kernel.Scope;

/**
 * The bodies of the organization and key routes (docs/api.md §1), as the OpenAPI documents show them and
 * {@code BodyReader} reads them, each with the draft it gives the facade.
 */
final class OrganizationRequests {

    private OrganizationRequests() {}

    @Schema(
            name = "OrganizationRequest",
            description = "A clinic or practice group and its booking rules. The change rules bind patients who"
                    + " use their manage link; null means no rule.")
    record Organization(
            @Schema(requiredMode = REQUIRED, maxLength = Lengths.NAME, example = "Riverside Physio")
            String name,

            @Schema(requiredMode = REQUIRED, description = "An IANA time zone.", example = "Europe/London")
            String timezone,

            @Schema(requiredMode = REQUIRED, maxLength = 2, description = "ISO 3166-1 alpha-2.", example = "GB")
            String country,

            @Schema(requiredMode = REQUIRED, maxLength = 3, description = "ISO 4217.", example = "GBP")
            String currency,

            @Schema(minimum = "1", maximum = "60", defaultValue = "15")
            Integer holdTtlMinutes,

            @ArraySchema(
                    maxItems = 5,
                    items = @Schema(minimum = "1", maximum = "720"),
                    arraySchema =
                            @Schema(
                                    description = "Hours before an appointment to remind the patient; at most 5, each"
                                            + " 1 to 720."))
            List<Integer> reminderHoursBefore,

            @ArraySchema(
                    maxItems = 50,
                    items = @Schema(maxLength = 2),
                    arraySchema =
                            @Schema(description = "ISO 3166-1 alpha-2 codes of the countries SMS may be sent to."))
            List<String> smsCountries,

            @Schema(maxLength = Phones.MAX_LENGTH, description = "Shown to patients who must call instead.")
            String phone,

            @Schema(minimum = "0", maximum = "8760") Integer cancelNoticeHours,
            @Schema(minimum = "0", maximum = "8760") Integer rescheduleNoticeHours,
            @Schema(minimum = "0", maximum = "100") Integer maxReschedules,
            @Schema(minimum = "1", maximum = "1000") Integer maxActiveBookingsPerPatient,

            @Schema(
                    defaultValue = "false",
                    description = "Online bookings for a patient with no appointment kept here yet wait for approval.")
            Boolean approveNewPatients,

            @Schema(
                    minimum = "1",
                    maximum = "720",
                    defaultValue = "48",
                    description = "Hours a booking may wait for approval before it is declined automatically.")
            Integer approvalWindowHours,

            @Schema(
                    minimum = "5",
                    maximum = "1440",
                    defaultValue = "30",
                    description = "Minutes a freed time is held for a waiting patient to accept it; less when the"
                            + " time is sooner.")
            Integer waitlistOfferMinutes,

            @Schema(
                    defaultValue = "false",
                    description = "Calendar subscriptions (calendar feeds) name each appointment's patient; when"
                            + " false they say only 'Booked'.")
            Boolean calendarFeedNames) {}

    @Schema(
            name = "ApiKeyRequest",
            description = "A new key. A secret key needs scopes, each held by the calling key; a publishable key"
                    + " has fixed scopes and lists the origins of the pages that use it.")
    record ApiKey(
            @Schema(requiredMode = REQUIRED, maxLength = Lengths.NAME, example = "Website widget")
            String name,

            @Schema(
                    requiredMode = REQUIRED,
                    allowableValues = {"secret", "publishable"})
            String type,

            @ArraySchema(maxItems = 32, items = @Schema(maxLength = Lengths.ID))
            List<String> scopes,

            @ArraySchema(
                    maxItems = 20,
                    items = @Schema(maxLength = Lengths.TEXT),
                    arraySchema = @Schema(description = "Origins such as https://clinic.example; at most 20."))
            List<String> allowedOrigins) {

        /** The key to make, checked against what the calling key holds. */
        ApiKeyDraft draft(Body<ApiKey> body, Caller caller) {
            body.problems().requireText("name", name);
            body.problems().require("type", type);
            KeyKind kind = "publishable".equals(type) ? KeyKind.PUBLISHABLE : KeyKind.SECRET;
            List<String> scopeNames = scopes == null ? List.of() : scopes;
            List<String> origins = ApiKeyDraft.origins(allowedOrigins);
            List<Scope> granted = kind == KeyKind.PUBLISHABLE
                    ? List.copyOf(Scope.PUBLISHABLE)
                    : grantable(body.problems(), scopeNames, caller);
            if (kind == KeyKind.PUBLISHABLE
                    && !scopeNames.isEmpty()
                    && !Set.copyOf(scopeNames)
                            .equals(Set.copyOf(granted.stream().map(Scope::wire).toList()))) {
                body.issue(
                        "scopes",
                        "a publishable key always has read_appointment_types, read_availability and write_holds");
            }
            if (kind == KeyKind.SECRET && !origins.isEmpty()) {
                body.issue("allowed_origins", "only publishable keys are used from browsers");
            }
            ApiKeyDraft.checkOrigins(origins, body.problems());
            body.valid();
            return new ApiKeyDraft(name, kind, granted, origins);
        }

        /** A key can hand out only scopes it holds itself, so manage_api_keys is no way to widen access. */
        private static List<Scope> grantable(Problems problems, List<String> names, Caller caller) {
            if (names.isEmpty()) {
                problems.add("scopes", "a secret key needs at least one scope");
            }
            var granted = new ArrayList<Scope>();
            for (int i = 0; i < names.size(); i++) {
                var scope = Scope.fromWire(names.get(i));
                if (scope.isEmpty()) {
                    problems.add("scopes[" + i + "]", "is not a scope");
                } else if (!caller.has(scope.get())) {
                    problems.add("scopes[" + i + "]", "cannot be granted by a key that does not hold it");
                } else {
                    granted.add(scope.get());
                }
            }
            return granted;
        }
    }
}
