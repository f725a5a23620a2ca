package org.carebook.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.carebook.support.ApiTest;
import org.carebook.support.Eventually;
import org.carebook.support.Receiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With a collector named, each request's trace goes there over OTLP, continuing the caller's trace. (Without
 * one nothing is exported: {@link MetricsTest#noTraceLeavesTheServerUntilACollectorIsNamed}.)
 */
class TracingTest extends ApiTest {

    /** A trace id whose 16 bytes are printable, so it can be found in the protobuf body as text. */
    private static final String TRACE_ID = "41424344454647484950515253545556";

    private static final Receiver COLLECTOR = collector();

    @DynamicPropertySource
    static void exportTo(DynamicPropertyRegistry properties) {
        properties.add("management.opentelemetry.tracing.export.otlp.endpoint", COLLECTOR::url);
        properties.add("management.opentelemetry.tracing.export.schedule-delay", () -> "100ms");
    }

    @AfterAll
    static void stopCollector() {
        COLLECTOR.close();
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void theAccessLineNamesTheRequestsTrace(CapturedOutput output) {
        String traceId = "0123456789abcdef0123456789abcdef";
        newOrganization()
                .live()
                .with("traceparent", "00-" + traceId + "-6162636465666768-01")
                .get("/v1/locations");
        assertThat(output.getAll()
                        .lines()
                        .filter(line -> line.contains("carebook.access") && line.contains("GET /v1/locations 200")))
                .singleElement(InstanceOfAssertFactories.STRING)
                .contains(traceId);
    }

    @Test
    void aRequestsSpansGoToTheCollectorInTheCallersTrace() throws InterruptedException {
        var org = newOrganization();
        var answer = org.live()
                .with("traceparent", "00-" + TRACE_ID + "-6162636465666768-01")
                .get("/v1/appointment-types");
        assertThat(answer.status()).isEqualTo(200);

        var export = Eventually.first(
                COLLECTOR::received,
                request -> request.body().contains("ABCDEFGHIPQRSTUV")
                        && request.body().contains("/v1/appointment-types"),
                Duration.ofSeconds(10),
                "an export of the request's trace");
        assertThat(export.header("content-type")).isEqualTo("application/x-protobuf");
        assertThat(export.body()).contains("carebook");
    }

    private static Receiver collector() {
        try {
            return new Receiver().usually(200, Duration.ZERO);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
