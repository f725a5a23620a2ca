package org.carebook.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.carebook.support.Clinic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Single sign-on against a real OpenID Connect provider (mock-oauth2-server), in Chromium. */
class SingleSignOnTest extends ConsoleBrowserTest {

    private static final String CLIENT = "carebook-console";
    static final MockOAuth2Server PROVIDER = started();

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("carebook.oidc-issuer", () -> PROVIDER.issuerUrl("clinic").toString());
        registry.add("carebook.oidc-client-id", () -> CLIENT);
        registry.add("carebook.oidc-client-secret", () -> "provider-secret");
    }

    @AfterAll
    static void stop() {
        PROVIDER.shutdown();
    }

    @Test
    void aMemberOfStaffSignsInThroughTheProviderAndActsAsThemselves() {
        var practice = Clinic.practice(newOrganization());
        invite(practice.clinic().org, "sso@clinic.example", "front_desk");
        vouchFor("sso@clinic.example", true);

        var page = newPage(1280);
        page.navigate(base + "/console/login");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with single sign-on"))
                .click();

        assertThat(page).hasURL(Pattern.compile(".*/console/(test/)?day.*"));
        assertThat(page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Book").setExact(true)))
                .isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                .click();
        page.navigate(base + "/console/day");
        assertThat(page).hasURL(Pattern.compile(".*/console/login$"));
    }

    @Test
    void theProviderCannotMakeAnAccountNorVouchForAnUnverifiedAddress() {
        invite(newOrganization(), "unverified@clinic.example", "owner");
        var page = newPage(1280);

        vouchFor("stranger@clinic.example", true);
        page.navigate(base + "/console/login");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with single sign-on"))
                .click();
        assertThat(page).hasURL(Pattern.compile(".*/console/login\\?sso-failed$"));

        vouchFor("unverified@clinic.example", false);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with single sign-on"))
                .click();
        assertThat(page).hasURL(Pattern.compile(".*/console/login\\?sso-failed$"));
        page.navigate(base + "/console/day");
        assertThat(page).hasURL(Pattern.compile(".*/console/login$"));
    }

    @Test
    void aTokenThatDoesNotSayTheAddressIsVerifiedCannotClaimAnInvitation() {
        invite(newOrganization(), "claimed-owner@clinic.example", "owner");
        var page = newPage(1280);

        vouch("attacker-subject", Map.of("email", "claimed-owner@clinic.example"));
        signInWithTheProvider(page);

        assertThat(page).hasURL(Pattern.compile(".*/console/login\\?sso-failed$"));
        page.navigate(base + "/console/day");
        assertThat(page).hasURL(Pattern.compile(".*/console/login$"));
    }

    @Test
    void onceLinkedTheAccountFollowsTheProvidersSubjectNotTheAddress() {
        var practice = Clinic.practice(newOrganization());
        invite(practice.clinic().org, "before@clinic.example", "front_desk");
        var page = newPage(1280);
        vouch("subject-renamed", Map.of("email", "before@clinic.example", "email_verified", true));
        signInWithTheProvider(page);
        assertThat(page).hasURL(Pattern.compile(".*/console/(test/)?day.*"));
        signOut(page);

        vouch("subject-renamed", Map.of("email", "after-marriage@clinic.example", "email_verified", true));
        signInWithTheProvider(page);
        assertThat(page).hasURL(Pattern.compile(".*/console/(test/)?day.*"));
        signOut(page);

        vouch("someone-else", Map.of("email", "before@clinic.example", "email_verified", true));
        signInWithTheProvider(page);
        assertThat(page).hasURL(Pattern.compile(".*/console/login\\?sso-failed$"));
    }

    private void signInWithTheProvider(Page page) {
        page.navigate(base + "/console/login");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with single sign-on"))
                .click();
    }

    private static void signOut(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                .click();
    }

    /** The provider's next sign-in is this address, verified or not. */
    private static void vouchFor(String email, boolean verified) {
        vouch("user-" + email, Map.of("email", email, "email_verified", verified));
    }

    /** The provider's next sign-in is this subject with these claims. */
    private static void vouch(String subject, Map<String, Object> claims) {
        PROVIDER.enqueueCallback(
                new DefaultOAuth2TokenCallback("clinic", subject, "JWT", List.of(CLIENT), claims, 3600));
    }

    private static MockOAuth2Server started() {
        var server = new MockOAuth2Server();
        server.start();
        return server;
    }
}
