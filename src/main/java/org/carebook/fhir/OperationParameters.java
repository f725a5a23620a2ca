package org.carebook.fhir;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carebook.catalog.Clinicians;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Reference;

/**
 * An operation's inputs, whether sent in the URL (GET) or as a Parameters resource (POST), read through one
 * {@link FhirQuery} so both ways accept and refuse the same things.
 */
record OperationParameters(FhirQuery query) {

    /**
     * What {@code $find} applies: Carebook's names and the IHE ITI-115 and Argonaut ones. Of each pair in
     * {@link #ALIASES} the second is read as the first.
     */
    static final java.util.Set<String> FIND = java.util.Set.of(
            "start",
            "end",
            "practitioner",
            "provider",
            "location",
            "location-reference",
            "service-type",
            "visit-type",
            "specialty",
            "organization",
            "patient",
            "patient-reference");

    /** The standards' names for Carebook's: IHE's references and Argonaut's provider. */
    static final Map<String, String> ALIASES = Map.of(
            "location-reference", "location",
            "patient-reference", "patient",
            "provider", "practitioner",
            "visit-type", "service-type");

    static OperationParameters of(HttpServletRequest request, IBaseResource body) {
        Map<String, String[]> values = new LinkedHashMap<>(request.getParameterMap());
        if (body != null) {
            if (!(body instanceof Parameters parameters)) {
                throw CarebookException.badRequest("malformed_resource", "Send the operation's inputs as Parameters.");
            }
            Map<String, List<String>> given = new LinkedHashMap<>();
            for (var parameter : parameters.getParameter()) {
                given.computeIfAbsent(parameter.getName(), k -> new ArrayList<>())
                        .add(text(parameter));
            }
            given.forEach((name, list) -> values.put(name, list.toArray(String[]::new)));
        }
        return new OperationParameters(FhirQuery.of(aliased(values), FIND, FhirQuery.strict(request)));
    }

    /**
     * The clinicians to look at, in the order of preference given: those named (IHE repeats {@code practitioner}),
     * narrowed to a {@code specialty}; all (null) when neither is given; none for another organization.
     */
    List<String> clinicians(Caller caller, Clinicians clinicians) {
        var organization = query.reference("organization", "Organization");
        if (organization.isPresent()
                && !organization.get().equals(FhirIds.toFhir(caller.tenant().organizationId()))) {
            return List.of();
        }
        var named = query.all("practitioner").stream()
                .map(r -> FhirIds.orNone(r.substring(r.lastIndexOf('/') + 1), "clin"))
                .toList();
        var specialties = query.all("specialty").stream()
                .map(s -> s.substring(s.indexOf('|') + 1).toLowerCase(java.util.Locale.ROOT))
                .toList();
        if (specialties.isEmpty()) {
            return named.isEmpty() ? java.util.Collections.singletonList(null) : named;
        }
        var practising =
                clinicians
                        .list(caller.tenant(), null, true, org.carebook.kernel.PageRequest.of("100", null))
                        .data()
                        .stream()
                        .filter(c -> c.specialty() != null
                                && specialties.contains(c.specialty().toLowerCase(java.util.Locale.ROOT)))
                        .map(org.carebook.catalog.ClinicianView::id)
                        .toList();
        return named.isEmpty()
                ? practising
                : named.stream().filter(practising::contains).toList();
    }

    /** The locations to look at (IHE repeats {@code location-reference}); all (null) when none is named. */
    List<String> locations() {
        var named = query.all("location").stream()
                .map(r -> FhirIds.orNone(r.substring(r.lastIndexOf('/') + 1), "loc"))
                .toList();
        return named.isEmpty() ? java.util.Collections.singletonList(null) : named;
    }

    /** Each standard name read as Carebook's, values of both kept in the order given. */
    private static Map<String, String[]> aliased(Map<String, String[]> values) {
        Map<String, String[]> read = new LinkedHashMap<>();
        values.forEach((name, given) -> read.merge(
                ALIASES.getOrDefault(name, name),
                given,
                (a, b) -> java.util.stream.Stream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b))
                        .toArray(String[]::new)));
        return read;
    }

    private static String text(Parameters.ParametersParameterComponent parameter) {
        var value = parameter.getValue();
        if (value instanceof Reference reference) {
            return reference.getReference();
        }
        if (value instanceof Coding coding) {
            return (coding.hasSystem() ? coding.getSystem() + "|" : "") + coding.getCode();
        }
        if (value instanceof CodeableConcept concept) {
            return concept.getCoding().stream()
                    .findFirst()
                    .map(c -> (c.hasSystem() ? c.getSystem() + "|" : "") + c.getCode())
                    .orElse(concept.getText());
        }
        if (value instanceof PrimitiveType<?> primitive) {
            return primitive.getValueAsString();
        }
        // A resource or a structure (IHE's patient-resource, timing, referral-identifier): not a filter $find
        // applies, so it is kept only to be named as ignored, or refused when the client is strict.
        return "";
    }
}
