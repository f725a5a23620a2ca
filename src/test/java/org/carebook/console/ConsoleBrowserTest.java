package org.carebook.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.carebook.support.ApiTest;
import org.carebook.support.ConsoleSession;
import org.carebook.widget.BrowserTest;

/** What the console's browser tests share: inviting staff, setting their passwords, and signing in. */
abstract class ConsoleBrowserTest extends BrowserTest {

    static final String PASSWORD = "correct horse battery";

    static String invite(ApiTest.Org org, String email, String role) {
        return ConsoleSession.invite(org, email, role);
    }

    void accept(String invitation) {
        assertThat(ConsoleSession.location(new ConsoleSession().accept(base, invitation, PASSWORD)))
                .endsWith("?welcome");
    }

    /** A new page at 1280 px, signed in as {@code email}, showing {@code url}. */
    Page signedIn(String email, String url) {
        var page = newPage(1280);
        page.navigate(base + "/console/login");
        signIn(page, email, PASSWORD);
        page.navigate(url);
        return page;
    }

    /** Waits until the page's calendar hears changes: its event stream is open. */
    static void listening(Page page) {
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#calendar"))
                .hasAttribute("data-live", "open");
    }

    /** Waits until the page's script listens for keys: one pressed earlier would be lost. */
    static void keysReady(Page page) {
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("html"))
                .hasAttribute("data-keys", "ready");
    }

    static Locator link(Page page, String name) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name));
    }

    static Locator button(Page page, String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    void signIn(Page page, String email, String password) {
        // By the fields' ids, not their labels: the page speaks the browser's language.
        page.locator("#email").fill(email);
        page.locator("#password").fill(password);
        page.locator("form[action$='/console/login'] button[type=submit]").click();
        // Signed in once the answer has led away from the sign-in page: a navigation started before that
        // would go without the session and land back on it.
        page.waitForURL(url -> !url.contains("/console/login"));
    }
}
