package org.carebook.kernel;

import java.util.Locale;
import java.util.Set;


public record Address(String line1, String line2, String city, String postcode, String country) {

    public static final Address EMPTY = new Address(null, null, null, null, null);
    public static final String[] FIELDS = {"line1", "line2", "city", "postcode", "country"};
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public static Address read(JsonFields body, Address current) {
        Address base = current == null ? EMPTY : current;
        var address = new Address(
                body.text("line1", JsonFields.TEXT, base.line1()),
                body.text("line2", JsonFields.TEXT, base.line2()),
                body.text("city", JsonFields.TEXT, base.city()),
                body.text("postcode", 20, base.postcode()),
                body.text("country", 2, base.country()));
        if (address.country() != null && !COUNTRIES.contains(address.country())) {
            body.issue("country", "must be an ISO 3166-1 alpha-2 country code such as GB");
        }
        return address;
    }
}
