package be.fedauth.oidc;

import static org.assertj.core.api.Assertions.fail;

import be.fedauth.core.CallbackRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * panva's oidc-provider (OpenID Certified), from the npm registry, installed by
 * scripts/setup.d/30-oidc-provider.sh into src/test/node and started by {@code provider.mjs} on a random
 * loopback port. Fails (never skips) when node or the package is missing.
 */
final class OidcProviderProcess implements AutoCloseable {
    static final URI REDIRECT = URI.create("http://127.0.0.1:8080/callback/oidc");
    private static final Path NODE_DIR = Path.of("src", "test", "node");
    private final Process node;
    private final URI issuer;

    private OidcProviderProcess(Process node, URI issuer) {
        this.node = node;
        this.issuer = issuer;
    }

    /** Starts {@code node provider.mjs ARGS} and waits for its READY line. */
    static OidcProviderProcess start(String... args) throws Exception {
        if (!Files.isRegularFile(NODE_DIR.resolve("node_modules/oidc-provider/package.json"))) {
            fail("oidc-provider is not installed in sdk-oidc/src/test/node: run scripts/setup.d/30-oidc-provider.sh");
        }
        List<String> command = new ArrayList<>(List.of("node", "provider.mjs"));
        command.addAll(List.of(args));
        Process node;
        try {
            node = new ProcessBuilder(command).directory(NODE_DIR.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new AssertionError("node is not installed: run scripts/setup.d/30-oidc-provider.sh", e);
        }
        BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        }).get(30, TimeUnit.SECONDS);
        if (line == null || !line.startsWith("READY ")) {
            node.destroyForcibly();
            fail("oidc-provider did not start: " + line);
        }
        return new OidcProviderProcess(node, URI.create(line.substring(6).trim()));
    }

    /** The provider's issuer. */
    URI issuer() {
        return issuer;
    }

    /** Follows the provider's redirects with cookies, as a browser would, up to the redirect URI. */
    static CallbackRequest browse(URI start) throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        URI current = start;
        for (int hop = 0; hop < 12; hop++) {
            HttpResponse<String> response = browser.send(HttpRequest.newBuilder(current).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            Optional<String> location = response.headers().firstValue("Location");
            if (location.isEmpty()) {
                fail("oidc-provider answered HTTP " + response.statusCode() + " without redirect: " + response.body());
            }
            URI next = current.resolve(location.get());
            if (next.toString().startsWith(REDIRECT.toString())) {
                return CallbackRequest.get(StartLoginTest.query(next));
            }
            current = next;
        }
        throw new AssertionError("too many redirects");
    }

    @Override
    public void close() throws InterruptedException {
        node.destroy();
        if (!node.waitFor(10, TimeUnit.SECONDS)) {
            node.destroyForcibly();
        }
    }
}
