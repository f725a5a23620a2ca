package org.carebook.web;

import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The types of query parameters by name: the handlers read them as text, to answer a bad one with a 422. */
final class QueryTypes {

    private static final Map<String, Schema<?>> TYPES = types();

    private QueryTypes() {}

    static void type(Parameter parameter) {
        if (!"query".equals(parameter.getIn())) {
            return;
        }
        var schema = TYPES.get(parameter.getName());
        if (schema != null) {
            parameter.setSchema(schema);
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static Schema<Object> typed(String type) {
        Schema schema = new JsonSchema();
        schema.addType(type);
        return schema;
    }

    private static Map<String, Schema<?>> types() {
        var types = new HashMap<String, Schema<?>>();
        types.put(
                "limit",
                typed("integer")
                        .minimum(BigDecimal.ONE)
                        .maximum(BigDecimal.valueOf(100))
                        ._default(20));
        for (String date : Set.of("start_date", "end_date", "dob", "date")) {
            types.put(date, typed("string").format("date"));
        }
        types.put("since", typed("string").format("date-time"));
        for (String flag : Set.of("is_active", "allow_online_booking", "is_remote")) {
            types.put(flag, typed("boolean"));
        }
        types.put(
                "status",
                typed("string")
                        ._enum(List.of(
                                "pending",
                                "confirmed",
                                "checked_in",
                                "completed",
                                "cancelled",
                                "no_show",
                                "declined")));
        return types;
    }
}
