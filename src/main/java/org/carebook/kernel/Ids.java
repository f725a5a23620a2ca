package org.carebook.kernel;

import java.security.SecureRandom;

/** Opaque ids: a type prefix and 22 random base-62 characters (about 131 bits), never sequential. */
public final class Ids {

    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int LENGTH = 22;

    private Ids() {
    }

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

    /** A cheap shape check, so that garbage in a path is a 404 without a database round trip. */
    public static boolean looksLike(String prefix, String id) {
        if (id == null || id.length() != prefix.length() + 1 + LENGTH || !id.startsWith(prefix + "_")) {
            return false;
        }
        for (int i = prefix.length() + 1; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }
}
