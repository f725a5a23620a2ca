package org.carebook.fhir;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carebook.kernel.CarebookException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Reference;

/**
 * An operation's inputs, whether sent in the URL (GET) or as a Parameters resource (POST), read through one
 * {@link FhirQuery} so both ways accept and refuse the same things.
 */
record OperationParameters(FhirQuery query) {

    static final java.util.Set<String> FIND =
            java.util.Set.of("start", "end", "practitioner", "location", "service-type", "patient");

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
        return new OperationParameters(FhirQuery.of(values, FIND));
    }

    private static String text(Parameters.ParametersParameterComponent parameter) {
        var value = parameter.getValue();
        if (value instanceof Reference reference) {
            return reference.getReference();
        }
        if (value instanceof Coding coding) {
            return (coding.hasSystem() ? coding.getSystem() + "|" : "") + coding.getCode();
        }
        if (value instanceof PrimitiveType<?> primitive) {
            return primitive.getValueAsString();
        }
        throw FhirQuery.invalid(parameter.getName(), "must be a simple value, a Coding or a Reference");
    }
}
