package org.carebook.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.carebook.egress.GuardedResolver;
import org.carebook.egress.UrlGuard;
import org.carebook.events.EventView;
import org.carebook.kernel.Mode;
import org.carebook.outbox.LeasedWork;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends due deliveries every {@code CAREBOOK_WEBHOOK_POLL}, as {@link LeasedWork}: each round claims a batch
 * under a lease (so several processes share the work and a crashed sender's deliveries are taken again when
 * the lease ends), sends outside any transaction, then records each outcome. A crash between sending and
 * recording only repeats a send: delivery is at least once, and receivers deduplicate by {@code webhook-id}.
 */
@Component
class DeliveryWorker implements SchedulingConfigurer, DisposableBean {

    static final int BATCH = 20;
    static final Duration RETRY_FOR = Duration.ofHours(24);
    static final Duration LONGEST_WAIT = Duration.ofHours(8);

    private final DeliveryRepository deliveries;
    private final EndpointRepository endpoints;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;
    private final WebhookSettings properties;
    private final UrlGuard guard;
    /** One client per mode, each resolving through a guard with that mode's reach; made at the first send. */
    private final Map<Mode, WebhookClient> clients = new EnumMap<>(Mode.class);

    private final LeasedWork<DeliveryRepository.Outgoing> work;
    private final Counter delivered;
    private final Timer lag;
    private final Counter failedAttempts;

    DeliveryWorker(
            DeliveryRepository deliveries,
            EndpointRepository endpoints,
            UrlGuard guard,
            TransactionTemplate transactions,
            JsonMapper json,
            Clock clock,
            WebhookSettings properties,
            MeterRegistry metrics) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
        // The lease outlasts a send (timeout) with room to record the outcome; eight receivers are called at once.
        this.work = new LeasedWork<>(
                "webhook-sender",
                deliveries::claim,
                this::send,
                properties.webhookTimeout().multipliedBy(3),
                BATCH,
                8,
                transactions,
                clock);
        this.guard = guard;
        this.delivered = metrics.counter("carebook.webhooks.delivered");
        // From the change to the receiver's 2xx, retries included.
        this.lag = Timer.builder("carebook.webhooks.lag").register(metrics);
        this.failedAttempts = metrics.counter("carebook.webhooks.failed.attempts");
        Gauge.builder("carebook.webhooks.queue.age.seconds", this, DeliveryWorker::queueAgeSeconds)
                .register(metrics);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (!properties.webhookPoll().isZero()) {
            registrar.addFixedDelayTask(this::drain, properties.webhookPoll());
        }
    }

    /** Sends until nothing is due. */
    void drain() {
        work.drain();
    }

    private void send(DeliveryRepository.Outgoing delivery) {
        var refusal = UrlGuard.shapeRefusal(delivery.url());
        if (refusal.isPresent()) {
            retryOrFail(delivery, null, "not sent: the URL " + refusal.get(), Optional.empty());
            return;
        }
        String body = body(delivery);
        long timestamp = clock.instant().getEpochSecond();
        var headers = Map.of(
                "webhook-id",
                delivery.eventId(),
                "webhook-timestamp",
                Long.toString(timestamp),
                "webhook-signature",
                Signer.signature(secrets(delivery), delivery.eventId(), timestamp, body));
        try {
            outcome(delivery, client(delivery.mode()).post(delivery.url(), headers, body));
        } catch (GuardedResolver.Refused e) {
            retryOrFail(delivery, null, "not sent: the URL " + e.why(), Optional.empty());
        } catch (UnknownHostException e) {
            retryOrFail(delivery, null, "not sent: the host name does not resolve", Optional.empty());
        } catch (InterruptedIOException e) {
            retryOrFail(
                    delivery,
                    null,
                    "no answer within " + properties.webhookTimeout().toSeconds() + " s",
                    Optional.empty());
        } catch (IOException e) {
            retryOrFail(delivery, null, "could not connect: " + e.getClass().getSimpleName(), Optional.empty());
        }
    }

    /** Made when first needed: HttpClient 5 takes about 0.3 s to load, which start-up need not pay. */
    private WebhookClient client(Mode mode) {
        synchronized (clients) {
            return clients.computeIfAbsent(
                    mode,
                    m -> new WebhookClient(
                            properties.webhookTimeout(),
                            new GuardedResolver(guard.reach(), InetAddress::getAllByName)));
        }
    }

    private void outcome(DeliveryRepository.Outgoing delivery, WebhookClient.Answer answer) {
        int code = answer.status();
        if (code >= 200 && code < 300) {
            Instant now = clock.instant();
            transactions.executeWithoutResult(status -> deliveries.delivered(delivery.id(), code, now));
            delivered.increment();
            lag.record(Duration.between(delivery.eventCreatedAt(), now));
        } else if (code == 410) {
            transactions.executeWithoutResult(status -> {
                deliveries.failed(delivery.id(), code, "the receiver answered 410 Gone: endpoint disabled");
                endpoints.disable(delivery.endpointId(), "gone", clock.instant());
            });
            failedAttempts.increment();
        } else {
            retryOrFail(
                    delivery,
                    code,
                    "the receiver answered " + code,
                    answer.retryAfter().flatMap(this::retryAfter));
        }
    }

    private void retryOrFail(
            DeliveryRepository.Outgoing delivery, Integer code, String error, Optional<Duration> asked) {
        failedAttempts.increment();
        Instant now = clock.instant();
        Instant next = now.plus(asked.orElseGet(() -> backOff(delivery.attempts())));
        transactions.executeWithoutResult(status -> {
            if (now.isAfter(delivery.createdAt().plus(RETRY_FOR))) {
                deliveries.failed(delivery.id(), code, error + "; gave up after " + delivery.attempts() + " attempts");
            } else {
                deliveries.retryAt(delivery.id(), code, error, next);
            }
        });
    }

    /** First retry after {@code CAREBOOK_WEBHOOK_FIRST_RETRY}, then four times longer each time up to 8 h, ±20 %. */
    Duration backOff(int attempts) {
        double wait = properties.webhookFirstRetry().toMillis() * Math.pow(4, Math.max(0, attempts - 1));
        wait = Math.min(wait, LONGEST_WAIT.toMillis())
                * ThreadLocalRandom.current().nextDouble(0.8, 1.2);
        return Duration.ofMillis((long) wait);
    }

    /** A receiver's Retry-After (seconds or an HTTP date), kept within one second and 24 hours. */
    private Optional<Duration> retryAfter(String header) {
        Duration wait;
        try {
            wait = Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            try {
                wait = Duration.between(
                        clock.instant(),
                        ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                                .toInstant());
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
        return Optional.of(
                wait.compareTo(Duration.ofSeconds(1)) < 0
                        ? Duration.ofSeconds(1)
                        : wait.compareTo(RETRY_FOR) > 0 ? RETRY_FOR : wait);
    }

    private List<String> secrets(DeliveryRepository.Outgoing delivery) {
        boolean overlap = delivery.previousSecret() != null
                && delivery.previousSecretUntil() != null
                && delivery.previousSecretUntil().isAfter(clock.instant());
        return overlap ? List.of(delivery.secret(), delivery.previousSecret()) : List.of(delivery.secret());
    }

    /** The event exactly as {@code GET /v1/events} shows it. */
    private String body(DeliveryRepository.Outgoing delivery) {
        return json.writeValueAsString(new EventView(
                delivery.eventId(),
                delivery.eventType(),
                delivery.eventCreatedAt(),
                delivery.sequence(),
                delivery.actor(),
                new EventView.Data(json.readTree(delivery.object()))));
    }

    private double queueAgeSeconds() {
        try {
            return deliveries
                    .oldestPending()
                    .map(t -> (double) Duration.between(t, clock.instant()).toSeconds())
                    .orElse(0.0);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    @Override
    public void destroy() throws IOException {
        work.close();
        synchronized (clients) {
            for (var client : clients.values()) {
                client.close();
            }
        }
    }
}
