package org.carebook.notification;

/** What one notification says: an e-mail's subject, text, HTML and calendar file, or an SMS's text alone. */
record Message(String subject, String text, String html, String calendar) {

    static Message sms(String text) {
        return new Message(null, text, null, null);
    }
}
