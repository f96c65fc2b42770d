package be.fedauth.oidc;

import be.fedauth.core.AuthenticatedUser;
import be.fedauth.core.CallbackRequest;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.KeyRetirement;
import be.fedauth.core.LoginRedirect;
import be.fedauth.core.LoginRequest;
import be.fedauth.testkit.FakeFas;
import be.fedauth.testkit.HeadlessLogin;
import be.fedauth.testkit.LoginChoice;
import be.fedauth.testkit.TestClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/** A fake FAS from sdk-testkit on a random loopback port, and providers configured against it. */
final class FakeFasFixture implements AutoCloseable {
    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    static final String CLIENT_ID = "fedauth-demo";
    static final String SECRET = "fedauth-demo-secret";
    static final URI REDIRECT = URI.create("http://127.0.0.1:8080/callback/oidc");

    final TestClock clock = TestClock.fixed(START);
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

    @Override
    public void close() {
        fas.close();
    }
}
