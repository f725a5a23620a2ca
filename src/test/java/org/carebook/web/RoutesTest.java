package org.carebook.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.carebook.api.ForPatientLink;
import org.carebook.api.RequiresScope;
import org.carebook.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

class RoutesTest extends ApiTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** Either the scope a key needs, or that only a patient's manage link may call it: never both, never neither. */
    @Test
    void everyApiEndpointDeclaresTheScopeItNeeds() {
        mappings.getHandlerMethods().forEach((info, method) -> {
            boolean api = ours(method) && info.getPatternValues().stream().anyMatch(p -> p.startsWith("/v1/"));
            if (api) {
                boolean selfService = info.getPatternValues().stream().allMatch(p -> p.startsWith("/v1/self-service/"));
                assertThat(method.hasMethodAnnotation(RequiresScope.class))
                        .as(info.toString())
                        .isEqualTo(!selfService);
                assertThat(method.hasMethodAnnotation(ForPatientLink.class))
                        .as(info.toString())
                        .isEqualTo(selfService);
            }
        });
    }

    /** Every FHIR handler declares its scope, except the three kinds FHIR offers without a key. */
    @Test
    void everyFhirEndpointDeclaresTheScopeItNeeds() {
        var fhir = new java.util.ArrayList<String>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (ours(method) && info.getPatternValues().stream().anyMatch(p -> p.startsWith("/fhir/"))) {
                boolean open = info.getPatternValues().stream()
                        .allMatch(p -> p.equals("/fhir/r4/metadata")
                                || p.equals("/fhir/r4/.well-known/smart-configuration")
                                || p.startsWith("/fhir/r4/publish/"));
                assertThat(method.hasMethodAnnotation(RequiresScope.class))
                        .as(info.toString())
                        .isEqualTo(!open);
                assertThat(method.hasMethodAnnotation(ForPatientLink.class)).isFalse();
                fhir.add(info.toString());
            }
        });
        assertThat(fhir).hasSizeGreaterThan(15);
    }

    @Test
    void theOpenApiDocumentListsEveryImplementedPathAndMethod() {
        var document = anonymous().get("/v1/openapi.json");
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.json().get("openapi").stringValue()).startsWith("3.1");
        var paths = document.json().get("paths");
        Set<String> implemented = new HashSet<>();
        mappings.getHandlerMethods().entrySet().stream()
                .filter(e -> ours(e.getValue()))
                .forEach(e -> e.getKey().getPatternValues().stream()
                        .filter(p -> p.startsWith("/v1/"))
                        .forEach(p -> e.getKey()
                                .getMethodsCondition()
                                .getMethods()
                                .forEach(m -> implemented.add(m.name().toLowerCase() + " " + p))));
        var missing = implemented.stream()
                .filter(route -> {
                    String[] parts = route.split(" ");
                    return !paths.has(parts[1]) || !paths.get(parts[1]).has(parts[0]);
                })
                .sorted()
                .toList();
        assertThat(missing).isEmpty();
        assertThat(implemented).hasSizeGreaterThan(40);
        assertThat(paths.propertyNames()).noneMatch(path -> path.startsWith("/admin"));
    }

    @Test
    void theOpenApiSchemasNameFieldsAsTheWireDoes() {
        var schemas =
                anonymous().get("/v1/openapi.json").json().get("components").get("schemas");
        var camelCase = new java.util.ArrayList<String>();
        schemas.properties().forEach(schema -> {
            var properties = schema.getValue().get("properties");
            if (properties != null) {
                properties.propertyNames().stream()
                        .filter(name -> !name.matches("[a-z0-9_]+"))
                        .forEach(name -> camelCase.add(schema.getKey() + "." + name));
            }
        });
        assertThat(schemas.get("SlotView").get("properties").propertyNames())
                .contains("start_time", "clinician_name", "is_remote");
        assertThat(camelCase).isEmpty();
    }

    private static boolean ours(org.springframework.web.method.HandlerMethod method) {
        return method.getBeanType().getName().startsWith("org.carebook.");
    }

    @Test
    void operationsEndpointsAreOpenAndNothingElseOfActuatorIs() {
        assertThat(anonymous().get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(anonymous()
                        .get("/actuator/health/readiness")
                        .json()
                        .get("status")
                        .stringValue())
                .isEqualTo("UP");
        assertThat(anonymous().get("/actuator/prometheus").status()).isEqualTo(200);
        for (String hidden :
                new String[] {"/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/heapdump"}) {
            assertThat(anonymous().get(hidden).status()).as(hidden).isEqualTo(404);
        }
        assertThat(anonymous().get("/docs").status()).isIn(200, 302);
    }
}
