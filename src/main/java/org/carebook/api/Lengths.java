package org.carebook.api;

/** The longest text a request field may hold unless its record says otherwise ({@code @Schema(maxLength)}). */
public final class Lengths {

    public static final int NAME = 100;
    public static final int TEXT = 255;
    public static final int LONG_TEXT = 4000;
    /** An id the server gave, with room to spare; a longer one cannot name anything. */
    public static final int ID = 64;

    private Lengths() {}
}
