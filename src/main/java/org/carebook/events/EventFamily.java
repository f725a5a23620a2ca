package org.carebook.events;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A module's sealed interface of {@link DomainEvent} records, declared as a bean so the event log knows
 * every type name without a list of its own.
 */
public record EventFamily(Set<String> types) {

    public static EventFamily of(Class<? extends DomainEvent> sealedInterface) {
        if (!sealedInterface.isSealed()) {
            throw new IllegalArgumentException(sealedInterface + " must be a sealed interface of event records");
        }
        return new EventFamily(Arrays.stream(sealedInterface.getPermittedSubclasses())
                .map(EventFamily::typeOf)
                .collect(Collectors.toUnmodifiableSet()));
    }

    static String typeOf(Class<?> event) {
        var name = event.getAnnotation(EventType.class);
        if (name == null) {
            throw new IllegalStateException(event.getName() + " has no @EventType");
        }
        return name.value();
    }
}
