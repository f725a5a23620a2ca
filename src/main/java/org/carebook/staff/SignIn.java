package org.carebook.staff;

/** How a sign-in with an address and a password ended. */
public sealed interface SignIn {

    /** The password matched: the person's id, whose memberships the console then offers. */
    record SignedIn(String userId) implements SignIn {}

    /** Unknown address or wrong password, said the same way. */
    record Refused() implements SignIn {}

    /** Too many failed attempts on this account: it waits, and not even the right password is checked. */
    record Locked() implements SignIn {}
}
