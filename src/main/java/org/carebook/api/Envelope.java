package org.carebook.api;

/** The {@code {"data": ...}} wrapper of every single-object response. */
public record Envelope<T>(T data) {

    public static <T> Envelope<T> of(T data) {
        return new Envelope<>(data);
    }
}
