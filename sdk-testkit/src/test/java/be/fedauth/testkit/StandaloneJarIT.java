package be.fedauth.testkit;

import be.fedauth.testkit.internal.Standalone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The standalone jar (built by the package phase) starts as a process and serves the fake's documents. */
class StandaloneJarIT {
    private static Process process;
    private static URI base;
    private static final List<String> banner = new ArrayList<>();

    @BeforeAll
    static void startTheJar() throws Exception {
        assertThat(jar()).as("the standalone jar is built by mvn package").exists();
        process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar().toString(), "--port", "0").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        // Reading blocks until the jar prints its ready line; the bound only keeps a broken jar from hanging the build.
        String ready = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    banner.add(line);
                    if (line.startsWith(Standalone.READY)) {
                        return line;
                    }
                }
                return "";
            } catch (IOException e) {
                return "";
            }
        }).get(60, TimeUnit.SECONDS);
        assertThat(ready).as("ready line in %s", banner).startsWith(Standalone.READY);
        base = URI.create(ready.substring(Standalone.READY.length()).split(" ")[0]);
    }

    @AfterAll
    static void stopTheJar() throws Exception {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static Process run(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar().toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static Path jar() {
        return Path.of("target", "sdk-testkit-" + System.getProperty("project.version", "0.1.0") + "-standalone.jar");
    }

    @Test
    void aBadPort_exitsWithAUsageError() throws Exception {
        Process bad = run("--port", "eighty");

        String output = new String(bad.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(bad.waitFor()).isEqualTo(64);
        assertThat(output).contains("usage:");
    }

    @Test
    void aMissingPersonaFile_exitsWithTheReason() throws Exception {
        Process bad = run("--port", "0", "--personas", "does-not-exist.json");

        String output = new String(bad.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(bad.waitFor()).isEqualTo(2);
        assertThat(output).contains("cannot read the persona file does-not-exist.json");
    }

    @Test
    void banner_printsTheIssuerAndMetadataUrls() {
        assertThat(String.join("\n", banner)).contains(base + "/fas/oauth2").contains(base + "/fas/saml/metadata")
                .contains("fedauth-demo");
    }

    @Test
    void servesTheOidcDiscoveryDocument() throws Exception {
        HttpResponse<String> response = Http.get(URI.create(base + "/fas/oauth2/.well-known/openid-configuration"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"issuer\"").contains(base + "/fas/oauth2");
    }

    @Test
    void servesTheJwks() throws Exception {
        HttpResponse<String> response = Http.get(URI.create(base + "/fas/oauth2/connect/jwk_uri"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"keys\"").contains("\"kid\"");
    }

    @Test
    void servesTheFasSamlMetadata() throws Exception {
        HttpResponse<String> response = Http.get(URI.create(base + "/fas/saml/metadata"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("EntityDescriptor").contains(base + "/fas");
    }

    @Test
    void servesTheSocialSecuritySamlMetadata() throws Exception {
        HttpResponse<String> response = Http.get(URI.create(base + "/socsec/saml/metadata"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("EntityDescriptor").contains(base + "/socsec");
    }

    @Test
    void servesTheAdminApi() throws Exception {
        HttpResponse<String> response = Http.get(URI.create(base + "/testkit/admin"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"oidcIssuer\":\"" + base + "/fas/oauth2\"");
    }

    @Test
    void servesTheLoginPage() throws Exception {
        HttpResponse<String> response = Http.get(URI.create(base + "/testkit/login?flow=none&lang=fr"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Cette connexion a expiré");
    }

    @Test
    void usesTheShippedKeys_soARestartKeepsTheKid() throws Exception {
        try (FakeFas inProcess = FakeFas.builder().start()) {
            assertThat(Http.get(URI.create(base + "/testkit/admin/keys")).body()).contains(inProcess.signingKeyId());
        }
    }
}
