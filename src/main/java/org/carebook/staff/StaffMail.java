package org.carebook.staff;

import java.time.Clock;
import java.time.Duration;
import org.carebook.kernel.PublicAddress;
import org.carebook.outbox.LeasedWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staff e-mail through the server's SMTP settings, with links to {@code CAREBOOK_PUBLIC_URL}. An invitation is
 * sent once its membership is committed (the owner who asked waits for it). Password resets and notices to
 * owners wait in the {@code staff_mail} outbox and are sent in the background, so a reset request takes as
 * long whether or not the address has an account; a reset's token is made only when its mail is sent. A send
 * that fails is logged by id, never by address, and tried again.
 */
@Component
class StaffMail implements SchedulingConfigurer, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StaffMail.class);
    private static final Duration LEASE = Duration.ofMinutes(2);

    /** An invitation to send, made inside the transaction that stored its token. */
    record Invitation(String membershipId, String email, String name, String organizationName, String path) {}

    private final ObjectProvider<JavaMailSender> mail;
    private final StaffSettings settings;
    private final PublicAddress address;
    private final StaffMailRepository outbox;
    private final StaffTokens tokens;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final LeasedWork<StaffMailRepository.Outgoing> work;

    StaffMail(
            ObjectProvider<JavaMailSender> mail,
            StaffSettings settings,
            PublicAddress address,
            StaffMailRepository outbox,
            StaffTokens tokens,
            TransactionTemplate transactions,
            Clock clock) {
        this.mail = mail;
        this.settings = settings;
        this.address = address;
        this.outbox = outbox;
        this.tokens = tokens;
        this.transactions = transactions;
        this.clock = clock;
        this.work = new LeasedWork<>("staff-mail", outbox::claim, this::send, LEASE, 20, 1, transactions, clock);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (!settings.staffMailPoll().isZero()) {
            registrar.addFixedDelayTask(work::drain, settings.staffMailPoll());
        }
    }

    @Override
    public void destroy() {
        work.close();
    }

    @TransactionalEventListener
    void invite(Invitation invitation) {
        send(
                invitation.membershipId(),
                invitation.email(),
                "You are invited to " + invitation.organizationName() + " on Carebook",
                "Hello " + invitation.name() + ",\n\n" + invitation.organizationName()
                        + " has given you an account on its Carebook. Open this link to accept (it works once, for"
                        + " three days); if you already sign in to Carebook for another clinic, confirm with that"
                        + " password, otherwise choose one:\n\n" + address.link(invitation.path()) + "\n");
    }

    private void send(StaffMailRepository.Outgoing outgoing) {
        boolean reset = outgoing.kind().equals(StaffMailRepository.PASSWORD_RESET);
        String subject = reset ? "Reset your Carebook password" : outgoing.subject();
        String body = reset ? resetText(outgoing.userId()) : outgoing.body();
        if (send(outgoing.id(), outgoing.email(), subject, body)) {
            transactions.executeWithoutResult(status -> outbox.sent(outgoing.id(), clock.instant()));
        } else {
            transactions.executeWithoutResult(status ->
                    outbox.retryLater(outgoing.id(), clock.instant().plus(Duration.ofMinutes(outgoing.attempts()))));
        }
    }

    /** A new one-hour link (the older ones stop working), made as the mail goes. */
    private String resetText(String userId) {
        String token = transactions.execute(status -> tokens.issue(userId, null, StaffTokens.Purpose.PASSWORD_RESET));
        return "Hello,\n\nSomeone (we hope you) asked to reset your Carebook password. Choose a new one here (the"
                + " link works once, for one hour; any link sent before stops working):\n\n"
                + address.link("/console/reset/" + token)
                + "\n\nIf it was not you, ignore this message: your password stays as it is.\n";
    }

    private boolean send(String id, String to, String subject, String text) {
        var sender = mail.getIfAvailable();
        if (sender == null) {
            log.info("No SMTP server is set; staff mail {} was not sent", id);
            return true;
        }
        var message = new SimpleMailMessage();
        message.setFrom(settings.mailFrom());
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        try {
            sender.send(message);
            return true;
        } catch (MailException e) {
            log.warn("Could not send staff mail {}: {}", id, e.getClass().getSimpleName());
            return false;
        }
    }
}
