package org.carebook.web;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.carebook.api.RequestSchema;

/**
 * The schemas of the documents' request bodies, made from the handlers' {@link RequestSchema} records (the records
 * the bodies are read into): a create's as the record says, a PATCH's ({@code …Change}) with nothing required.
 */
final class BodySchemas {

    static final String SCHEMAS = "#/components/schemas/";
    private static final Pattern REF = Pattern.compile("\"\\$ref\"\\s*:\\s*\"#/components/schemas/([^\"]+)\"");

    private final ModelConverters models = ModelConverters.getInstance(true);
    /** Every request schema named by a handler, by name, filled in as the operations are documented. */
    private final Map<String, RequestSchema> known = new ConcurrentHashMap<>();

    /** The name a handler's body is documented under; the document adds the schema once it is complete. */
    String nameOf(RequestSchema body) {
        String name = schemaName(body.value());
        if (body.partial()) {
            name = name.replaceFirst("Request$", "") + "Change";
        }
        known.put(name, body);
        return name;
    }

    /** Adds the schema of every body the document's operations refer to. */
    void addTo(OpenAPI document) {
        requested(document).forEach((name, schema) -> {
            if (schema.partial()) {
                addPartial(document, schema.value(), name);
            } else {
                add(document, schema.value());
            }
        });
    }

    void add(OpenAPI document, Class<?> type) {
        var resolved = models.resolveAsResolvedSchema(new AnnotatedType(type).resolveAsRef(true));
        resolved.referencedSchemas.forEach(document.getComponents()::addSchemas);
    }

    /** A handler parameter typed as raw JSON leaves a schema for it behind; so may others no longer used. */
    static void dropUnreferenced(OpenAPI document) {
        var schemas = document.getComponents().getSchemas();
        var reachable = new HashSet<String>();
        var pending =
                new ArrayDeque<String>(refs(Json31.pretty(document.getPaths())).toList());
        refs(Json31.pretty(document.getComponents().getResponses())).forEach(pending::add);
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (reachable.add(name) && schemas.containsKey(name)) {
                refs(Json31.pretty(schemas.get(name))).forEach(pending::add);
            }
        }
        schemas.keySet().retainAll(reachable);
    }

    /** The request schemas the document's operations refer to, by name. */
    private Map<String, RequestSchema> requested(OpenAPI document) {
        var wanted = new HashSet<String>();
        document.getPaths()
                .values()
                .forEach(path -> path.readOperations().stream()
                        .filter(op -> op.getRequestBody() != null)
                        .forEach(op -> op.getRequestBody().getContent().values().stream()
                                .map(MediaType::getSchema)
                                .filter(s -> s != null && s.get$ref() != null)
                                .forEach(s -> wanted.add(s.get$ref().substring(SCHEMAS.length())))));
        var found = new TreeMap<String, RequestSchema>();
        known.forEach((name, schema) -> {
            if (wanted.contains(name)) {
                found.put(name, schema);
            }
        });
        return found;
    }

    /** A partial update's schema: the create schema's fields, none of them required. */
    private void addPartial(OpenAPI document, Class<?> type, String name) {
        add(document, type);
        var whole = document.getComponents().getSchemas().get(schemaName(type));
        Schema<?> partial = Json31.mapper().convertValue(whole, Schema.class);
        partial.setRequired(null);
        partial.setName(name);
        partial.setDescription(
                whole.getDescription() + " Only the fields given change; an explicit null clears an optional field.");
        document.getComponents().addSchemas(name, partial);
    }

    private static String schemaName(Class<?> type) {
        var annotation = type.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
        return annotation == null || annotation.name().isEmpty() ? type.getSimpleName() : annotation.name();
    }

    private static Stream<String> refs(String json) {
        return REF.matcher(json).results().map(m -> m.group(1));
    }
}
