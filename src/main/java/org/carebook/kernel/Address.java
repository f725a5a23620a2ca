package org.carebook.kernel;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Locale;
import java.util.Set;

/** A postal address; every part is optional. */
public record Address(
        String line1,
        String line2,
        String city,

        @Schema(
                maxLength = 100,
                description = "State, province or region, as the country writes it (SMART Scheduling Links asks"
                        + " a Location for it).",
                example = "Greater London")
        String state,

        @Schema(maxLength = 20) String postcode,

        @Schema(maxLength = 2, description = "ISO 3166-1 alpha-2.")
        String country) {

    public static final Address EMPTY = new Address(null, null, null, null, null, null);
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** Adds a problem if the country is not an ISO 3166-1 alpha-2 code. */
    public void check(Problems problems, String path) {
        if (country != null && !COUNTRIES.contains(country)) {
            problems.add(path + "country", "must be an ISO 3166-1 alpha-2 country code such as GB");
        }
    }
}
