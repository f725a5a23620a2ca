package org.carebook.kernel;

import java.util.Locale;

/** Live data and test data never see each other. */
public enum Mode {
    LIVE,
    TEST;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Mode fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
