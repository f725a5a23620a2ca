package org.carebook.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.carebook.support.ApiTest;
import org.junit.jupiter.api.Test;

/** {@code /actuator/info} tells an operator which build and which commit is running. */
class InfoTest extends ApiTest {

    @Test
    void infoNamesTheBuildAndTheCommit() {
        var info = anonymous().get("/actuator/info");
        assertThat(info.status()).isEqualTo(200);
        var body = info.json();
        assertThat(body.get("build").get("artifact").asString()).isEqualTo("carebook");
        assertThat(body.get("build").get("version").asString()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(body.get("git").get("commit").get("id").asString()).matches("[0-9a-f]{7,}");
        assertThat(body.get("git").has("branch")).isTrue();
    }
}
