package be.fedauth.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.AuthenticatedUser;
import be.fedauth.core.CallbackRequest;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.HttpRedirect;
import be.fedauth.core.Language;
import be.fedauth.core.LoginRedirect;
import be.fedauth.core.LoginRequest;
import be.fedauth.core.LogoutRequest;
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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Interop with an OpenID provider nobody here wrote: panva's oidc-provider (OpenID Certified), from
 * the npm registry, installed by scripts/setup.d/30-oidc-provider.sh into src/test/node and started
 * on a random loopback port. Fails (never skips) when node or the package is missing.
 */
class OidcProviderInteropTest {
    private static final Path NODE_DIR = Path.of("src", "test", "node");
    private static final URI REDIRECT = URI.create("http://127.0.0.1:8080/callback/oidc");
    private Process node;

    @AfterEach
    void stop() throws InterruptedException {
        if (node != null) {
            node.destroy();
            if (!node.waitFor(10, TimeUnit.SECONDS)) {
                node.destroyForcibly();
            }
        }
    }

    @ParameterizedTest(name = "{0} ID tokens")
    @ValueSource(strings = {"RS256", "ES256"})
    void login_withCodeFlowAndPkce_againstOidcProvider_succeedsAndRefreshes(String alg) throws Exception {
        URI issuer = startProvider(alg);
        OidcProvider provider = OidcProvider.create(OidcSettings.builder(issuer, "fedauth-interop", REDIRECT,
                        ClientAuthentication.clientSecretBasic("fedauth-interop-secret-0123456789abcdef"))
                .allowHttpForLoopback().scopes(List.of("openid", "profile", "egovnrn", "offline_access")).build());

        LoginRedirect redirect = provider.startLogin(LoginRequest.builder().minimumLevel(AssuranceLevel.LEVEL_450)
                .language(Language.NL).build());
        CallbackRequest callback = browse(redirect.redirect().location());
        AuthenticatedUser user = provider.finishLogin(callback, redirect.pendingLogin());

        assertThat(callback.single("iss")).contains(issuer.toString());
        assertThat(user.identity().givenName()).isEqualTo("Alice");
        assertThat(user.identity().familyName()).isEqualTo("Peeters");
        assertThat(user.identity().nationalNumber()).isPresent();
        assertThat(user.level()).isEqualTo(AssuranceLevel.LEVEL_500);
        assertThat(user.key()).isEqualTo(DigitalKey.EID);
        AuthenticatedUser refreshed = provider.refresh(user);
        assertThat(refreshed.session().value("sub")).isEqualTo(user.session().value("sub"));
        HttpRedirect logout = provider.startLogout(LogoutRequest.of(user, URI.create("http://127.0.0.1:8080/logged-out")));
        assertThat(logout.location().toString()).startsWith(issuer + "/session/end?id_token_hint=");
    }

    /** Follows the provider's redirects with cookies, as a browser would, up to the redirect URI. */
    private static CallbackRequest browse(URI start) throws IOException, InterruptedException {
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

    private URI startProvider(String alg) throws Exception {
        if (!Files.isRegularFile(NODE_DIR.resolve("node_modules/oidc-provider/package.json"))) {
            fail("oidc-provider is not installed in sdk-oidc/src/test/node: run scripts/setup.d/30-oidc-provider.sh");
        }
        try {
            node = new ProcessBuilder("node", "provider.mjs", alg).directory(NODE_DIR.toFile())
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
            fail("oidc-provider did not start: " + line);
        }
        return URI.create(line.substring(6).trim());
    }
}
