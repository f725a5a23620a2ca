package org.carebook.api;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.carebook.kernel.Records;

/**
 * A request record turned into the domain's record of the same shape: the same component names and types, so a
 * body's fields (and the fields it gave) are the draft's without a hand-written mapping. A mismatch is a
 * programming error, refused the first time the pair is used.
 */
public final class SameShape {

    private SameShape() {}

    public static <D extends Record> D as(Record request, Class<D> type) {
        if (request.getClass().getRecordComponents().length != type.getRecordComponents().length) {
            throw mismatch(request.getClass(), type);
        }
        return part(request, type);
    }

    /** The domain's record made of some of the request's components: every one of its own, by name and type. */
    public static <D extends Record> D part(Record request, Class<D> type) {
        Map<String, RecordComponent> from = Arrays.stream(request.getClass().getRecordComponents())
                .collect(Collectors.toMap(RecordComponent::getName, Function.identity()));
        RecordComponent[] to = type.getRecordComponents();
        Object[] values = new Object[to.length];
        for (int i = 0; i < to.length; i++) {
            var source = from.get(to[i].getName());
            if (source == null || !source.getGenericType().equals(to[i].getGenericType())) {
                throw mismatch(request.getClass(), type);
            }
            values[i] = Records.component(source, request);
        }
        return Records.make(type, values);
    }

    private static IllegalStateException mismatch(Class<?> request, Class<?> draft) {
        return new IllegalStateException(
                request.getSimpleName() + " and " + draft.getSimpleName() + " do not have the same components");
    }
}
