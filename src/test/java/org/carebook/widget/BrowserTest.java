package org.carebook.widget;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.carebook.support.ApiTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * Drives the machine's Chromium through Playwright against the real server. The widget is embedded in a
 * page served by a separate small HTTP server, so it runs cross-origin exactly as on a clinic's website.
 *
 * <p>Where no Chromium exists the tests are skipped with a message, unless {@code BROWSER_TESTS_REQUIRED}
 * is set (CI sets it), in which case a missing browser fails the run.
 */
public abstract class BrowserTest extends ApiTest {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Path.of("target", "widget-screenshots");

    private static Playwright playwright;
    private static Browser browser;
    private static HttpServer site;
    private static final Map<String, String> PAGES = new ConcurrentHashMap<>();

    private final List<BrowserContext> contexts = new java.util.ArrayList<>();

    @BeforeAll
    static void startBrowser() throws IOException {
        if (!Files.isExecutable(CHROMIUM)) {
            String message =
                    "No Chromium at " + CHROMIUM + " (install Debian's chromium package, or set CHROMIUM_PATH)";
            if (System.getenv("BROWSER_TESTS_REQUIRED") != null) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message + ": browser tests skipped");
        }
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run",
                                "--lang=en-GB")));
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext("/", exchange -> {
            String html = PAGES.getOrDefault(exchange.getRequestURI().getPath(), "");
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(html.isEmpty() ? 404 : 200, html.isEmpty() ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        site.start();
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (site != null) {
            site.stop(0);
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @AfterEach
    void closeContext() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    /** The clinic website's origin, as a browser sees it. */
    protected static String siteOrigin() {
        return "http://localhost:" + site.getAddress().getPort();
    }

    /** The same website under another origin (another host name), which no key allows. */
    static String otherOrigin() {
        return "http://127.0.0.1:" + site.getAddress().getPort();
    }

    /** A publishable key of {@code org} that may be used from the clinic website. */
    protected String widgetKey(Org org) {
        var created = org.live()
                .post(
                        "/v1/api-keys",
                        Map.of("name", "website", "type", "publishable", "allowed_origins", List.of(siteOrigin())));
        if (created.status() != 201) {
            throw new IllegalStateException("could not create a publishable key: " + created);
        }
        return created.data().get("key").stringValue();
    }

    /**
     * Opens a clinic page at {@code origin} embedding the widget with these attributes (in British English unless
     * they give a {@code locale}), in a fresh browser context.
     */
    protected Page openWidget(String origin, int width, String key, String... attributes) {
        var page = newPage(width);
        open(page, origin, key, attributes);
        return page;
    }

    /** The widget on the clinic website, at the page's address with this query (a booking link's). */
    Page openWidgetWithQuery(String query, int width, String key) {
        var page = newPage(width);
        open(page, siteOrigin(), key);
        page.navigate(page.url() + "?" + query);
        return page;
    }

    /** A page in a fresh browser context (its own cookies), before anything is loaded (to set up routes first). */
    protected Page newPage(int width) {
        return newPage(width, "en-GB");
    }

    /** A page in a fresh browser context whose language is {@code locale}. */
    protected Page newPage(int width, String locale) {
        var context = browser.newContext(
                new Browser.NewContextOptions().setViewportSize(width, 900).setLocale(locale));
        contexts.add(context);
        var page = context.newPage();
        page.setDefaultTimeout(15_000);
        return page;
    }

    void open(Page page, String origin, String key, String... attributes) {
        String path = "/clinic-" + PAGES.size() + ".html";
        var extra = new StringBuilder();
        if (!java.util.Arrays.asList(attributes).contains("locale")) {
            extra.append(" locale=\"en-GB\"");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            extra.append(' ')
                    .append(attributes[i])
                    .append("=\"")
                    .append(attributes[i + 1])
                    .append('"');
        }
        PAGES.put(path, """
                <!doctype html><html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>A clinic website</title>
                <script type="module" src="%1$s/widget/carebook.js"></script></head>
                <body style="margin:0;padding:8px;font-family:sans-serif"><h1>Book with us</h1>
                <carebook-booking publishable-key="%2$s" api-base="%1$s/v1"%3$s></carebook-booking>
                </body></html>""".formatted(base, key, extra));
        page.navigate(origin + path);
    }

    protected static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + ".png"))
                .setFullPage(true));
    }
}
