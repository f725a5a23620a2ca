package org.carebook.notification;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.springframework.stereotype.Component;

/**
 * SMS through a Twilio-compatible Messages API: {@code POST {CAREBOOK_SMS_URL}/2010-04-01/Accounts/{account}/Messages.json}
 * with {@code To}, {@code From} and {@code Body} as a form, authenticated with the account and token.
 */
@Component
class TwilioCompatibleSms implements SmsProvider {

    private final NotificationSettings properties;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    TwilioCompatibleSms(NotificationSettings properties) {
        this.properties = properties;
    }

    @Override
    public void send(String to, String text) throws Failure {
        String form = "To=" + encode(to) + "&From=" + encode(properties.smsFrom()) + "&Body=" + encode(text);
        String credentials = properties.smsAccount() + ":" + properties.smsToken();
        var request = HttpRequest.newBuilder(URI.create(properties.smsUrl().replaceAll("/+$", "")
                        + "/2010-04-01/Accounts/" + encode(properties.smsAccount()) + "/Messages.json"))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            int status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status < 200 || status >= 300) {
                throw new Failure("the SMS provider answered " + status);
            }
        } catch (IOException e) {
            throw new Failure(
                    "could not reach the SMS provider: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
