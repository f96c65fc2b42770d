package be.fedauth.oidc;

import be.fedauth.core.AuthenticatedUser;
import be.fedauth.core.CallbackRequest;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.KeyRetirement;
import be.fedauth.core.LoginRedirect;
import be.fedauth.core.LoginRequest;
import be.fedauth.core.PendingLogin;
import be.fedauth.testkit.FakeFas;
import be.fedauth.testkit.HeadlessLogin;
import be.fedauth.testkit.LoginChoice;
import be.fedauth.core.SettableClock;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;

/** A fake FAS from sdk-testkit on a random loopback port, and providers configured against it. */
final class FakeFasFixture implements AutoCloseable {
    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    static final String CLIENT_ID = "fedauth-demo";
    static final String SECRET = "fedauth-demo-secret";
    static final URI REDIRECT = URI.create("http://127.0.0.1:8080/callback/oidc");

    final SettableClock clock = SettableClock.fixed(START);
    final FakeFas fas;

    FakeFasFixture() {
        this(List.of(KeyRetirement.TOKEN));
    }

    /** A fake whose login rules retire these keys (the real FAS: the token, on 31/01/2024). */
    FakeFasFixture(List<KeyRetirement> retirements) {
        fas = FakeFas.builder().clock(clock).keyRetirements(retirements).start();
    }

    /** Settings for the demo client, through discovery, http allowed on loopback, the fake's clock. */
    OidcSettings.Builder settings() {
        return OidcSettings.builder(fas.oidcIssuer(), CLIENT_ID, REDIRECT, ClientAuthentication.clientSecretBasic(SECRET))
                .allowHttpForLoopback().clock(clock).readTimeout(Duration.ofSeconds(2));
    }

    OidcProvider provider() {
        return OidcProvider.create(settings().build());
    }

    OidcProvider provider(UnaryOperator<OidcSettings.Builder> changes) {
        return OidcProvider.create(changes.apply(settings()).build());
    }

    /** Drives the browser part headlessly: the fake logs the persona in with the key and redirects back. */
    CallbackRequest callback(LoginRedirect redirect, String personId, DigitalKey key) {
        return HeadlessLogin.against(fas).login(new LoginChoice(personId, key), redirect.redirect()).toCallbackRequest();
    }

    AuthenticatedUser login(OidcProvider provider, LoginRequest request, String personId, DigitalKey key) {
        LoginRedirect redirect = provider.startLogin(request);
        return provider.finishLogin(callback(redirect, personId, key), redirect.pendingLogin());
    }

    AuthenticatedUser login(OidcProvider provider, String personId, DigitalKey key) {
        return login(provider, LoginRequest.builder().build(), personId, key);
    }

    /**
     * Redeems the callback's code at the fake's token endpoint as the demo client would, and returns the
     * token response body as sent (to replay it from an identity provider that redeems a code twice).
     */
    String redeem(CallbackRequest callback, PendingLogin pending) throws IOException, InterruptedException {
        String form = "grant_type=authorization_code&code=" + enc(callback.required("code")) + "&redirect_uri="
                + enc(REDIRECT.toString()) + "&code_verifier=" + enc(pending.codeVerifier().orElseThrow());
        String basic = Base64.getEncoder().encodeToString((CLIENT_ID + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(fas.oidcIssuer() + "/access_token")).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("the fake FAS refused the code: HTTP " + response.statusCode());
        }
        return response.body();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        fas.close();
    }
}
