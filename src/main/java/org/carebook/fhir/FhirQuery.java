package org.carebook.fhir;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.FieldIssue;

/**
 * A search's parameters, read the FHIR way for the few kinds the scheduling IGs use: references, tokens, dates
 * with prefixes, strings. A parameter the handler does not support is ignored, as FHIR's search rules say, and
 * left out of the answer's self link (which shows what was applied) and named in a warning; a client that sends
 * {@code Prefer: handling=strict} has it refused (400) instead.
 */
final class FhirQuery {

    /** What every search accepts besides its own parameters. */
    static final Set<String> GENERAL = Set.of("_count", "_cursor", "_format");

    private final Map<String, String[]> parameters;
    private final Set<String> ignored;

    private FhirQuery(Map<String, String[]> parameters, Set<String> ignored) {
        this.parameters = parameters;
        this.ignored = ignored;
    }

    /** Whether the client asked for unknown parameters to be refused rather than ignored. */
    static boolean strict(HttpServletRequest request) {
        var prefer = request.getHeaders("Prefer");
        while (prefer.hasMoreElements()) {
            for (String part : prefer.nextElement().split("[,;]")) {
                if (part.strip().equalsIgnoreCase("handling=strict")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The request's own query, the parameters known to {@code supported} or {@link #GENERAL}. */
    static FhirQuery of(HttpServletRequest request, Set<String> supported) {
        return of(request.getParameterMap(), supported, strict(request));
    }

    /** The parameters known to {@code supported} or {@link #GENERAL}; the others ignored, or refused if strict. */
    static FhirQuery of(Map<String, String[]> given, Set<String> supported, boolean strict) {
        var unknown = new TreeSet<String>();
        var parameters = new java.util.LinkedHashMap<String, String[]>();
        given.forEach((name, values) -> {
            if (supported.contains(name) || GENERAL.contains(name)) {
                parameters.put(name, values);
            } else {
                unknown.add(name);
            }
        });
        if (strict && !unknown.isEmpty()) {
            throw CarebookException.badRequest(
                    "not_supported", "This search does not support " + String.join(", ", unknown) + ".");
        }
        String[] format = parameters.get("_format");
        if (format != null
                && !Set.of("json", "application/json", "application/fhir+json").contains(format[0])) {
            throw CarebookException.badRequest("not_supported", "Only JSON is offered: _format=json.");
        }
        return new FhirQuery(parameters, java.util.Collections.unmodifiableSet(unknown));
    }

    /** The parameters left out because this search does not support them, in order. */
    Set<String> ignored() {
        return ignored;
    }

    /** The values of a parameter that may be repeated (or list values separated by commas), in the order given. */
    List<String> all(String name) {
        var values = new ArrayList<String>();
        for (String value : parameters.getOrDefault(name, new String[0])) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    values.add(part.strip());
                }
            }
        }
        return values;
    }

    Optional<String> string(String name) {
        String[] values = parameters.get(name);
        if (values == null || values.length == 0 || values[0].isBlank()) {
            return Optional.empty();
        }
        if (values.length > 1 || values[0].contains(",")) {
            throw invalid(name, "takes one value here");
        }
        return Optional.of(values[0].strip());
    }

    /**
     * The id of a reference to {@code type}: {@code Type/id}, an absolute URL ending so, or a bare id. A reference
     * to another type is not one to this type (empty), so a parameter naming several kinds can be read per kind.
     */
    Optional<String> reference(String name, String type) {
        return string(name).flatMap(value -> {
            String[] parts = value.split("/");
            if (parts.length == 1) {
                return Optional.of(value);
            }
            if (parts.length < 2 || parts[parts.length - 1].isEmpty()) {
                throw invalid(name, "must reference a " + type);
            }
            return parts[parts.length - 2].equals(type) ? Optional.of(parts[parts.length - 1]) : Optional.empty();
        });
    }

    /**
     * A reference to a Practitioner or a Location (as Schedule's actor), as Carebook ids. A reference to anything
     * else, or to an id no clinician or location could have, names one that matches nothing.
     */
    Optional<Actor> actor(String name) {
        return string(name).map(value -> {
            var clinician = reference(name, "Practitioner").filter(id -> id.startsWith("clin-"));
            if (clinician.isPresent()) {
                return new Actor(FhirIds.orNone(clinician.get(), "clin"), null);
            }
            var location = reference(name, "Location").filter(id -> id.startsWith("loc-"));
            return new Actor(null, FhirIds.orNone(location.orElse(""), "loc"));
        });
    }

    /** One of the two is set. */
    record Actor(String clinicianId, String locationId) {}

    /** The Carebook id a reference to {@code type} names (see {@link FhirIds#orNone}); null when not given. */
    String referencedId(String name, String type, String prefix) {
        return reference(name, type).map(id -> FhirIds.orNone(id, prefix)).orElse(null);
    }

    /** The Carebook id a token's code names (such as a service type's); null when not given. */
    String tokenId(String name, String prefix) {
        return token(name).map(token -> FhirIds.orNone(token.code(), prefix)).orElse(null);
    }

    /** A token's code, with its system when given as {@code system|code}. */
    Optional<Token> token(String name) {
        return string(name).map(value -> {
            int bar = value.indexOf('|');
            return bar < 0
                    ? new Token(null, value)
                    : new Token(bar == 0 ? null : value.substring(0, bar), value.substring(bar + 1));
        });
    }

    record Token(String system, String code) {}

    /**
     * The instants a date parameter bounds, from its values such as {@code ge2027-03-15} and
     * {@code lt2027-03-16T12:00:00Z}; a bare date is that whole day (in UTC, as FHIR reads a date without a zone).
     */
    Range range(String name) {
        String[] values = parameters.getOrDefault(name, new String[0]);
        Instant from = null;
        Instant until = null;
        for (String value : values) {
            String prefix = value.length() > 2 && Character.isLetter(value.charAt(0)) ? value.substring(0, 2) : "eq";
            String text = prefix.equals("eq") && !value.startsWith("eq") ? value : value.substring(2);
            Instant start = start(name, text);
            Instant end = end(name, text);
            switch (prefix) {
                case "ge", "sa" -> from = later(from, prefix.equals("ge") ? start : end);
                case "gt" -> from = later(from, end);
                case "le", "eb" -> until = earlier(until, prefix.equals("le") ? end : start);
                case "lt" -> until = earlier(until, start);
                case "eq" -> {
                    from = later(from, start);
                    until = earlier(until, end);
                }
                default -> throw invalid(name, "takes the prefixes eq, ge, gt, le, lt, sa and eb");
            }
        }
        return new Range(from, until);
    }

    /** Half-open: {@code [from, until)}; either may be open. */
    record Range(Instant from, Instant until) {}

    int count(int defaultCount, int max) {
        return string("_count")
                .map(text -> {
                    try {
                        int count = Integer.parseInt(text);
                        if (count >= 1 && count <= max) {
                            return count;
                        }
                    } catch (NumberFormatException ignored) {
                        // refused below
                    }
                    throw invalid("_count", "must be a whole number from 1 to " + max);
                })
                .orElse(defaultCount);
    }

    Optional<String> cursor() {
        return string("_cursor");
    }

    /** The query string again, with {@code _cursor} set to {@code cursor}: the next page's address. */
    String withCursor(String cursor) {
        return applied(cursor);
    }

    /** The parameters applied, as a query string: this answer's own address, without what was ignored. */
    String applied() {
        return applied(cursor().orElse(null));
    }

    private String applied(String cursor) {
        var parts = new ArrayList<String>();
        parameters.forEach((name, values) -> {
            if (!name.equals("_cursor")) {
                for (String value : values) {
                    parts.add(encode(name) + "=" + encode(value));
                }
            }
        });
        if (cursor != null) {
            parts.add("_cursor=" + encode(cursor));
        }
        return String.join("&", parts);
    }

    static CarebookException invalid(String name, String issue) {
        return CarebookException.invalid(List.of(new FieldIssue(name, issue)));
    }

    private static Instant start(String name, String text) {
        return parse(name, text, false);
    }

    private static Instant end(String name, String text) {
        return parse(name, text, true);
    }

    /** A dateTime is an instant (its own end too, to the second); a date is the day from its start to the next. */
    private static Instant parse(String name, String text, boolean end) {
        try {
            if (text.length() == 10) {
                LocalDate date = LocalDate.parse(text);
                return (end ? date.plusDays(1) : date)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
            }
            Instant instant = OffsetDateTime.parse(text).toInstant();
            return end ? instant.plusSeconds(1) : instant;
        } catch (DateTimeParseException e) {
            throw invalid(name, "must be a date (2027-03-15) or a date and time with an offset");
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
