package org.carebook.notification;

/** Sends a text message; throws {@link SmsProvider.Failure} when the provider does not accept it. */
interface SmsProvider {

    void send(String to, String text) throws Failure;

    final class Failure extends Exception {

        Failure(String message) {
            super(message);
        }
    }
}
