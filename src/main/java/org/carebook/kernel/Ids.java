package org.carebook.kernel;

import java.security.SecureRandom;

/** Opaque ids: a type prefix and 22 random base-62 characters (about 131 bits), never sequential. */
public final class Ids {

    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int LENGTH = 22;

    private Ids() {}

    public static String next(String prefix) {
        return prefix + "_" + random(LENGTH);
    }

    public static String random(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }
}
