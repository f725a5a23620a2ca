package org.carebook.support;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * One test's patients' mail in a shared SMTP server: addresses at a domain of the test's own organization, so that
 * mail other tests' background work still sends (a reminder, an automatic decline, an offer passed on) is not
 * mistaken for this test's.
 */
public record Mailbox(GreenMailExtension server, String domain) {

    private static final Duration WAIT = Duration.ofSeconds(15);

    public static Mailbox of(GreenMailExtension server, ApiTest.Org org) {
        return new Mailbox(server, "@" + org.id().toLowerCase(Locale.ROOT).replace('_', '-') + ".example");
    }

    /** An address of this test: {@code name@<the organization's domain>}. */
    public String address(String name) {
        return name + domain;
    }

    /** The first {@code count} e-mails to this test's addresses, in the order they came. */
    public List<MimeMessage> await(int count) throws InterruptedException {
        return await(count, message -> true);
    }

    /** The first {@code count} of this test's e-mails that {@code which} picks. */
    public List<MimeMessage> await(int count, Predicate<MimeMessage> which) throws InterruptedException {
        return Eventually.first(
                () -> {
                    var ours = Arrays.stream(server.getReceivedMessages())
                            .filter(m -> to(m).endsWith(domain) && which.test(m))
                            .toList();
                    return ours.size() >= count ? List.of(ours) : List.<List<MimeMessage>>of();
                },
                ours -> true,
                WAIT,
                count + " e-mails to " + domain);
    }

    public static String to(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The e-mail as sent, its quoted-printable lines joined again. */
    public static String text(MimeMessage message) {
        return GreenMailUtil.getBody(message).replace("=\r\n", "");
    }
}
