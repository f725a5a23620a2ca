package org.carebook.kernel;

import java.util.Locale;

public enum KeyKind {
    SECRET,
    PUBLISHABLE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
