package org.carebook.staff;

import org.carebook.kernel.PublicAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends invitations and password-reset links through the server's SMTP settings, once the link is committed.
 * A send that fails is logged (by staff id, never by address) and can be asked for again; without SMTP set,
 * invitations are only shown to the owner who made them and resets cannot be sent (said in docs/console.md).
 */
@Component
class StaffMail {

    private static final Logger log = LoggerFactory.getLogger(StaffMail.class);

    /** A link to send, made inside the transaction that stored its token. */
    record Link(String staffId, String email, String name, Purpose purpose, String path) {}

    enum Purpose {
        INVITATION,
        PASSWORD_RESET
    }

    private final ObjectProvider<JavaMailSender> mail;
    private final StaffSettings settings;
    private final PublicAddress address;

    StaffMail(ObjectProvider<JavaMailSender> mail, StaffSettings settings, PublicAddress address) {
        this.address = address;
        this.mail = mail;
        this.settings = settings;
    }

    @TransactionalEventListener
    void send(Link link) {
        var sender = mail.getIfAvailable();
        if (sender == null) {
            log.info("No SMTP server is set; a {} link for staff {} was not e-mailed", link.purpose(), link.staffId());
            return;
        }
        var message = new SimpleMailMessage();
        message.setFrom(settings.mailFrom());
        message.setTo(link.email());
        String url = address.link(link.path());
        if (link.purpose() == Purpose.INVITATION) {
            message.setSubject("You are invited to Carebook");
            message.setText("Hello " + link.name() + ",\n\nYou have been given an account on your clinic's Carebook."
                    + " Choose your password here (the link works once, for three days):\n\n" + url + "\n");
        } else {
            message.setSubject("Reset your Carebook password");
            message.setText("Hello " + link.name() + ",\n\nSomeone (we hope you) asked to reset your Carebook password."
                    + " Choose a new one here (the link works once, for one hour):\n\n" + url
                    + "\n\nIf it was not you, ignore this message: your password stays as it is.\n");
        }
        try {
            sender.send(message);
        } catch (MailException e) {
            log.warn(
                    "Could not e-mail a {} link to staff {}: {}",
                    link.purpose(),
                    link.staffId(),
                    e.getClass().getSimpleName());
        }
    }
}
