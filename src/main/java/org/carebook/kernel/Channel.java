package org.carebook.kernel;

/** Which of the server's interfaces a call came through, where the kind of key alone does not tell. */
public enum Channel {
    /** The JSON API, the console, the widget and the patients' pages. */
    API,
    /** FHIR's scheduling operations ({@code $hold}, {@code $book}), made with a secret key like the API's. */
    FHIR
}
