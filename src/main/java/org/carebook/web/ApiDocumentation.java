package org.carebook.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.Arrays;
import java.util.List;
import org.carebook.api.ForPatientLink;
import org.carebook.api.RequestSchema;
import org.carebook.api.RequiresScope;
import org.carebook.kernel.Scope;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.method.HandlerMethod;

/**
 * What the OpenAPI documents say that annotations on the handlers cannot: each body's schema from its
 * {@link RequestSchema} record (the same record the handler reads the body with), who may call each
 * operation and with which scope, the types of the query parameters (the handlers take them as text to
 * answer a bad one with the error envelope), the error answers, and the idempotency header.
 */
@Component
class ApiDocumentation implements GlobalOperationCustomizer, GlobalOpenApiCustomizer {

    private static final String SCHEMAS = BodySchemas.SCHEMAS;
    private static final String RESPONSES = "#/components/responses/";

    /** Error answers: the status, its name in components, and when it happens. */
    private enum Failure {
        BAD_REQUEST("400", "BadRequest", "Malformed JSON or URL, or an unsupported Carebook-Version."),
        UNAUTHORISED("401", "Unauthorised", "A missing, malformed, unknown or revoked key."),
        FORBIDDEN("403", "Forbidden", "The key lacks the scope, or the browser's Origin is not allowed."),
        NOT_FOUND("404", "NotFound", "No such object for this key's organization and mode."),
        CONFLICT(
                "409",
                "Conflict",
                "The time was just taken, the object's state forbids it, or an idempotency" + " key was reused."),
        VALIDATION("422", "ValidationError", "Invalid fields, each named in details."),
        RATE_LIMITED("429", "RateLimited", "Too many requests for this key; retry after Retry-After seconds.");

        final String status;
        final String name;
        final String description;

        Failure(String status, String name, String description) {
            this.status = status;
            this.name = name;
            this.description = description;
        }
    }

    private final BodySchemas bodies = new BodySchemas();

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        var body = handler.getMethodAnnotation(RequestSchema.class);
        if (body != null) {
            operation.setRequestBody(new RequestBody()
                    .required(bodyRequired(handler))
                    .content(json(new Schema<>().$ref(SCHEMAS + bodies.nameOf(body)))));
        }
        secure(operation, handler);
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(QueryTypes::type);
        }
        boolean writes = writes(handler);
        if (writes) {
            operation.addParametersItem(new Parameter()
                    .in("header")
                    .name("Idempotency-Key")
                    .description("Replays the first answer to a retry with the same key and body (kept 24 hours).")
                    .schema(QueryTypes.typed("string").minLength(1).maxLength(255)));
        }
        fail(operation, handler, body != null || hasQuery(operation), writes);
        return operation;
    }

    @Override
    public void customise(OpenAPI document) {
        // springdoc's path filters apply to every document alike, so the admin group's paths are dropped here.
        if (document.getPaths().keySet().stream().anyMatch(path -> path.startsWith("/v1/"))) {
            document.getPaths().keySet().removeIf(path -> path.startsWith("/admin/"));
        }
        document.getPaths()
                .forEach((path, item) -> item.readOperations().forEach(operation -> {
                    operation.setTags(List.of(tag(path)));
                    operation.setSummary(sentence(operation.getOperationId()));
                    if (path.startsWith("/admin/")) {
                        operation.setSecurity(
                                List.of(new SecurityRequirement().addList(OpenApiConfiguration.ADMIN_TOKEN)));
                    }
                }));
        var components = document.getComponents();
        bodies.add(document, ErrorBody.class);
        for (Failure failure : Failure.values()) {
            components.addResponses(
                    failure.name,
                    new ApiResponse()
                            .description(failure.description)
                            .content(json(new Schema<>().$ref(SCHEMAS + "ErrorEnvelope"))));
        }
        bodies.addTo(document);
        BodySchemas.dropUnreferenced(document);
    }

    private static void secure(Operation operation, HandlerMethod handler) {
        var scope = handler.getMethodAnnotation(RequiresScope.class);
        if (scope != null) {
            var names = Arrays.stream(scope.value()).map(Scope::wire).toList();
            operation.setSecurity(List.of(new SecurityRequirement().addList(OpenApiConfiguration.API_KEY, names)));
            boolean publishable = Arrays.stream(scope.value()).anyMatch(Scope.PUBLISHABLE::contains);
            operation.setDescription(describe(
                    operation.getDescription(),
                    "Needs the scope " + String.join(" or ", names) + "."
                            + (publishable ? " A publishable key may call it from an allowed origin." : "")));
        } else if (handler.hasMethodAnnotation(ForPatientLink.class)) {
            operation.setSecurity(List.of(new SecurityRequirement().addList(OpenApiConfiguration.MANAGE_LINK)));
        }
    }

    /** Operations are grouped by what they act on: {@code /v1/appointment-types/…} is "Appointment types". */
    private static String tag(String path) {
        String resource = path.replaceFirst("^(/admin)?/v1/", "").split("/")[0].replace('-', ' ');
        return capitalized(acronyms(resource));
    }

    /** {@code placeHold} reads "Place hold". */
    private static String sentence(String operationId) {
        String words = operationId.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        return capitalized(acronyms(words));
    }

    private static String acronyms(String words) {
        return words.replaceAll("\\bapi\\b", "API");
    }

    private static String capitalized(String words) {
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String describe(String existing, String more) {
        return existing == null || existing.isBlank() ? more : existing + "\n\n" + more;
    }

    private static void fail(Operation operation, HandlerMethod handler, boolean validates, boolean writes) {
        var responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        var failures = new java.util.ArrayList<>(List.of(Failure.BAD_REQUEST, Failure.UNAUTHORISED));
        if (handler.hasMethodAnnotation(RequiresScope.class)) {
            failures.add(Failure.FORBIDDEN);
            failures.add(Failure.RATE_LIMITED);
        }
        if (Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(PathVariable.class))
                || handler.hasMethodAnnotation(ForPatientLink.class)) {
            failures.add(Failure.NOT_FOUND);
        }
        if (writes || handler.hasMethodAnnotation(org.springframework.web.bind.annotation.DeleteMapping.class)) {
            failures.add(Failure.CONFLICT);
        }
        if (validates) {
            failures.add(Failure.VALIDATION);
        }
        failures.forEach(f -> responses.addApiResponse(f.status, new ApiResponse().$ref(RESPONSES + f.name)));
        operation.setResponses(responses);
    }

    private static boolean writes(HandlerMethod handler) {
        return AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PostMapping.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PatchMapping.class);
    }

    private static boolean bodyRequired(HandlerMethod handler) {
        return Arrays.stream(handler.getMethodParameters())
                .map(p -> p.getParameterAnnotation(org.springframework.web.bind.annotation.RequestBody.class))
                .filter(java.util.Objects::nonNull)
                .allMatch(org.springframework.web.bind.annotation.RequestBody::required);
    }

    private static boolean hasQuery(Operation operation) {
        return operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> "query".equals(p.getIn()));
    }

    private static Content json(Schema<?> schema) {
        return new Content().addMediaType("application/json", new MediaType().schema(schema));
    }
}
