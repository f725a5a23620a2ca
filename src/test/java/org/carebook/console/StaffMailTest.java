package org.carebook.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jakarta.mail.internet.MimeMessage;
import java.util.regex.Pattern;
import org.carebook.support.ConsoleSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.TestPropertySource;

/** Invitations and password resets e-mailed through a real SMTP server (GreenMail), followed in Chromium. */
@TestPropertySource(
        properties = {
            "spring.mail.host=localhost",
            "spring.mail.port=3025",
            "carebook.public-url=https://carebook.clinic.example/",
            "carebook.mail-from=Carebook <no-reply@clinic.example>"
        })
class StaffMailTest extends ConsoleBrowserTest {

    private static final Pattern LINK = Pattern.compile("https://carebook\\.clinic\\.example(/console/\\S+)");

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

    @Test
    void anInvitationArrivesByEMailWithALinkToTheConfiguredAddress() throws Exception {
        invite(newOrganization(), "invited@clinic.example", "read_only");

        var message = onlyMessageTo("invited@clinic.example");

        assertThat(message.getSubject())
                .startsWith("You are invited to Clinic ")
                .endsWith(" on Carebook");
        assertThat(linkIn(message)).startsWith("/console/welcome/");
    }

    @Test
    void theOwnersAreToldOfEveryInvitationChangeAndRemoval() throws Exception {
        var org = newOrganization();
        accept(invite(org, "the-owner@clinic.example", "owner"));
        awaitMessages(1); // the owner's invitation (there was no owner yet to tell)
        mail.purgeEmailFromAllMailboxes();

        String id = org.live()
                .post("/v1/staff", java.util.Map.of("email", "new@clinic.example", "name", "New", "role", "read_only"))
                .data()
                .get("staff")
                .get("id")
                .stringValue();
        org.live().patch("/v1/staff/" + id, java.util.Map.of("status", "disabled"));
        org.live().delete("/v1/staff/" + id);

        awaitMessages(4);
        var notices = mail.getReceivedMessagesForDomain("the-owner@clinic.example");
        assertThat(notices).hasSize(3);
        assertThat(java.util.Arrays.stream(notices).map(GreenMailUtil::getBody))
                .anySatisfy(body -> assertThat(body).contains("invited New <new@clinic.example> as read_only"))
                .anySatisfy(body -> assertThat(body).contains("status invited -> disabled"))
                .anySatisfy(body -> assertThat(body).contains("removed New <new@clinic.example>"));
    }

    @Test
    void onlyTheNewestResetLinkWorks() throws Exception {
        var org = newOrganization();
        accept(invite(org, "twice@clinic.example", "front_desk"));
        awaitMessages(1);
        mail.purgeEmailFromAllMailboxes();
        var browser = new ConsoleSession();

        browser.postWithToken(base, "/console/reset", "/console/reset", "email=twice%40clinic.example");
        assertThat(mail.waitForIncomingEmail(10_000, 1)).isTrue();
        browser.postWithToken(base, "/console/reset", "/console/reset", "email=twice%40clinic.example");
        assertThat(mail.waitForIncomingEmail(10_000, 2)).isTrue();

        var messages = mail.getReceivedMessagesForDomain("twice@clinic.example");
        assertThat(browser.get(base, linkIn(messages[0])).body()).contains("This link no longer works");
        assertThat(browser.get(base, linkIn(messages[1])).body()).doesNotContain("This link no longer works");
    }

    @Test
    void aForgottenPasswordIsResetByTheEMailedLinkOnceAndOldSessionsEnd() throws Exception {
        var org = newOrganization();
        accept(invite(org, "forgetful@clinic.example", "front_desk"));
        mail.purgeEmailFromAllMailboxes();
        var oldSession = new ConsoleSession();
        oldSession.signIn(base, "forgetful@clinic.example", PASSWORD);
        assertThat(oldSession.get(base, "/console/day").statusCode()).isIn(200, 404);

        var page = newPage(1280);
        page.navigate(base + "/console/login");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Forgot your password?"))
                .click();
        page.getByLabel("E-mail").fill("forgetful@clinic.example");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send me a link"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("If that address has an account");
        String link = linkIn(onlyMessageTo("forgetful@clinic.example"));
        page.navigate(base + link);
        page.getByLabel("New password").fill("an entirely new passphrase");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set new password"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Your new password is set. Sign in with it.");
        signIn(page, "forgetful@clinic.example", "an entirely new passphrase");
        assertThat(page).hasURL(Pattern.compile(".*/console/(test/)?day.*"));

        page.navigate(base + link);
        assertThat(page.getByRole(AriaRole.HEADING)).hasText("This link no longer works");
        assertThat(ConsoleSession.location(oldSession.get(base, "/console/day")))
                .endsWith("/console/login");
        assertThat(ConsoleSession.location(new ConsoleSession().signIn(base, "forgetful@clinic.example", PASSWORD)))
                .endsWith("?failed");
    }

    @Test
    void askingForAnUnknownAddressSaysTheSameAndSendsNothing() throws Exception {
        var browser = new ConsoleSession();

        var asked = browser.postWithToken(base, "/console/reset", "/console/reset", "email=nobody%40clinic.example");

        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("If that address has an account");
        assertThat(mail.getReceivedMessagesForDomain("nobody@clinic.example")).isEmpty();
    }

    private static void awaitMessages(int count) {
        assertThat(mail.waitForIncomingEmail(10_000, count))
                .as("%s messages", count)
                .isTrue();
    }

    private static MimeMessage onlyMessageTo(String address) throws Exception {
        assertThat(mail.waitForIncomingEmail(10_000, 1)).isTrue();
        var messages = mail.getReceivedMessagesForDomain(address);
        assertThat(messages).hasSize(1);
        return messages[0];
    }

    private static String linkIn(MimeMessage message) {
        var matcher = LINK.matcher(GreenMailUtil.getBody(message));
        assertThat(matcher.find()).as("a link in the message").isTrue();
        return matcher.group(1);
    }
}
