package org.carebook.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/**
 * Real FHIR clients (HAPI's generic client) for a running Carebook, each of whose answers is checked against the
 * R4 core profiles by HAPI's validator as it arrives, error answers included. A test ends with
 * {@link #assertEverythingValidated()}, so no resource the server returned escapes the check.
 */
final class FhirServer {

    /** One context and validator for every test: loading the core profiles takes seconds. */
    static final FhirContext CONTEXT = FhirContext.forR4();

    private static final FhirValidator VALIDATOR = validator();

    private final String base;
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final AtomicInteger validated = new AtomicInteger();

    FhirServer(String serverBase) {
        this.base = serverBase + "/fhir/r4";
    }

    String base() {
        return base;
    }

    IGenericClient client(String key) {
        var client = CONTEXT.newRestfulGenericClient(base);
        if (key != null) {
            client.registerInterceptor(new BearerTokenAuthInterceptor(key));
        }
        client.registerInterceptor(new Validating());
        return client;
    }

    /** Validates a body the test read some other way (NDJSON lines, a manifest). */
    void validate(String resourceJson, String where) {
        var result = VALIDATOR.validateWithResult(resourceJson);
        validated.incrementAndGet();
        result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .forEach(m -> problems.add(where + ": " + m.getLocationString() + " " + m.getMessage()));
    }

    int validatedCount() {
        return validated.get();
    }

    void assertEverythingValidated() {
        assertThat(problems).as("validation errors in what the server returned").isEmpty();
        assertThat(validated.get()).as("resources validated").isPositive();
    }

    private final class Validating implements IClientInterceptor {

        private final ThreadLocal<String> asked = new ThreadLocal<>();

        @Override
        public void interceptRequest(IHttpRequest request) {
            asked.set(request.getHttpVerbName() + " " + request.getUri());
        }

        @Override
        public void interceptResponse(IHttpResponse response) throws IOException {
            response.bufferEntity();
            try (var body = response.readEntity()) {
                String text = body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
                if (!text.isBlank()) {
                    validate(text, asked.get() + " -> " + response.getStatus());
                }
            }
        }
    }

    private static FhirValidator validator() {
        var support = new ValidationSupportChain(
                new DefaultProfileValidationSupport(CONTEXT),
                new SnapshotGeneratingValidationSupport(CONTEXT),
                new CommonCodeSystemsTerminologyService(CONTEXT),
                new InMemoryTerminologyServerValidationSupport(CONTEXT));
        var validator = CONTEXT.newValidator();
        validator.registerValidatorModule(new FhirInstanceValidator(support));
        return validator;
    }
}
