package org.carebook.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.carebook.support.Api;
import org.carebook.support.ConsoleSession;
import org.carebook.support.Race;
import org.carebook.support.ServerProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Each Argon2id check takes 16 MiB. A server with a modest heap (160 MiB) gets 60 sign-ins at once: hashing
 * them all together would need almost a gigabyte. A few hash at a time, the others wait briefly and are told
 * to come back (503 with Retry-After); none is a 500, and the server goes on answering.
 */
@Tag("integration")
class PasswordFloodTest {

    private static final int SIGN_INS = 60;

    @Test
    void sixtySignInsAtOnceOnASmallHeapAreRationedNeverA500() throws Exception {
        Path data = Path.of("target", "faults", UUID.randomUUID().toString());
        Files.createDirectories(data);
        var server = new ServerProcess(data, List.of("-Xmx160m"), "carebook.auth-failures-per-minute=100000");
        try {
            server.start(data.resolve("server.log"));
            var sessions = new ArrayList<ConsoleSession>();
            for (int i = 0; i < SIGN_INS; i++) {
                sessions.add(new ConsoleSession());
                sessions.get(i).get(server.base(), "/console/login");
            }

            var answers = Race.run(
                    SIGN_INS,
                    i -> sessions.get(i)
                            .postWithToken(
                                    server.base(),
                                    "/console/login",
                                    "/console/login",
                                    "email=flood" + i + "%40clinic.example&password=not+the+password+" + i));

            var statuses = answers.stream().map(HttpResponse::statusCode).toList();
            assertThat(statuses).as(statuses.toString()).isSubsetOf(302, 503);
            assertThat(answers)
                    .filteredOn(answer -> answer.statusCode() == 503)
                    .allSatisfy(answer -> assertThat(answer.headers().firstValue("Retry-After"))
                            .isPresent());
            assertThat(new Api(server.base(), null).get("/actuator/health").status())
                    .isEqualTo(200);
        } finally {
            server.stop();
        }
    }
}
