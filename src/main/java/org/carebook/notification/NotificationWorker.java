package org.carebook.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.mail.MessagingException;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.carebook.outbox.LeasedWork;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due notifications every {@code CAREBOOK_NOTIFICATION_POLL}, as {@link LeasedWork} like webhook
 * deliveries (several processes share the work). A failed send is retried, 1 minute later and then up to an
 * hour apart, for 24 hours; then the notification is {@code failed}, with the reason, for the API to show.
 */
@Component
class NotificationWorker implements SchedulingConfigurer, DisposableBean {

    static final int BATCH = 20;
    static final Duration LEASE = Duration.ofMinutes(2);
    static final Duration RETRY_FOR = Duration.ofHours(24);

    private final NotificationRepository notifications;
    private final ObjectProvider<JavaMailSender> mail;
    private final SmsProvider sms;
    private final TransactionTemplate transactions;
    private final NotificationSettings properties;
    private final Clock clock;
    private final Counter sent;
    private final Timer lag;
    private final Counter failedAttempts;
    private final LeasedWork<NotificationRepository.Outgoing> work;

    NotificationWorker(
            NotificationRepository notifications,
            ObjectProvider<JavaMailSender> mail,
            SmsProvider sms,
            TransactionTemplate transactions,
            NotificationSettings properties,
            Clock clock,
            MeterRegistry metrics) {
        this.notifications = notifications;
        this.mail = mail;
        this.sms = sms;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.sent = metrics.counter("carebook.notifications.sent");
        // From when a message was due (at once, or a reminder's time) to when the provider took it.
        this.lag = Timer.builder("carebook.notifications.lag").register(metrics);
        this.failedAttempts = metrics.counter("carebook.notifications.failed.attempts");
        // One at a time: mail servers and SMS providers limit how fast one sender may go.
        this.work = new LeasedWork<>(
                "notification-sender", notifications::claim, this::send, LEASE, BATCH, 1, transactions, clock);
        Gauge.builder("carebook.notifications.queue.age.seconds", this, NotificationWorker::queueAgeSeconds)
                .register(metrics);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (!properties.notificationPoll().isZero()) {
            registrar.addFixedDelayTask(this::drain, properties.notificationPoll());
        }
    }

    void drain() {
        work.drain();
    }

    @Override
    public void destroy() {
        work.close();
    }

    private void send(NotificationRepository.Outgoing notification) {
        try {
            if (notification.channel().equals("sms")) {
                sms.send(notification.recipient(), notification.message().text());
            } else {
                email(notification);
            }
            Instant now = clock.instant();
            transactions.executeWithoutResult(status -> notifications.sent(notification.id(), now));
            sent.increment();
            lag.record(Duration.between(notification.sendAfter(), now));
        } catch (SmsProvider.Failure | MailException | MessagingException | NoMailServer e) {
            failedAttempts.increment();
            retryOrFail(
                    notification,
                    e instanceof MailException
                            ? "the mail server refused or was unreachable: "
                                    + e.getClass().getSimpleName()
                            : e.getMessage());
        }
    }

    private void email(NotificationRepository.Outgoing notification) throws MessagingException, NoMailServer {
        var sender = mail.getIfAvailable();
        if (sender == null) {
            throw new NoMailServer();
        }
        var message = sender.createMimeMessage();
        var helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(properties.mailFrom());
        helper.setTo(notification.recipient());
        helper.setSubject(notification.message().subject());
        helper.setText(notification.message().text(), notification.message().html());
        String calendar = notification.message().calendar();
        if (calendar != null) {
            String method = calendar.contains("METHOD:CANCEL") ? "CANCEL" : "REQUEST";
            helper.addAttachment(
                    "invite.ics",
                    new ByteArrayDataSource(
                            calendar.getBytes(StandardCharsets.UTF_8),
                            "text/calendar; method=" + method + "; charset=UTF-8"));
        }
        sender.send(message);
    }

    private void retryOrFail(NotificationRepository.Outgoing notification, String error) {
        Instant now = clock.instant();
        long minutes = Math.min(60, 1L << Math.min(6, notification.attempts() - 1));
        transactions.executeWithoutResult(status -> {
            if (now.isAfter(notification.createdAt().plus(RETRY_FOR)) || error.startsWith(NoMailServer.MESSAGE)) {
                notifications.failed(notification.id(), error);
            } else {
                notifications.retryAt(notification.id(), error, now.plus(Duration.ofMinutes(minutes)));
            }
        });
    }

    private double queueAgeSeconds() {
        try {
            Instant now = clock.instant();
            return notifications
                    .oldestQueued(now)
                    .map(t -> (double) Duration.between(t, now).toSeconds())
                    .orElse(0.0);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** No SMTP server is configured: nothing to retry until an operator sets one. */
    private static final class NoMailServer extends Exception {

        static final String MESSAGE = "no mail server is configured";

        NoMailServer() {
            super(MESSAGE + " (set SPRING_MAIL_HOST)");
        }
    }
}
