package org.carebook.kernel;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/** Reading a record's components and making one from them, for code that treats records of any shape alike. */
public final class Records {

    private Records() {}

    public static Object component(RecordComponent component, Object record) {
        try {
            var accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + component.getName(), e);
        }
    }

    /** A record of {@code type} from its canonical constructor, with {@code values} in the order of its components. */
    public static <R> R make(Class<R> type, Object[] values) {
        RecordComponent[] components = type.getRecordComponents();
        try {
            var constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot make a " + type.getSimpleName(), e);
        }
    }
}
