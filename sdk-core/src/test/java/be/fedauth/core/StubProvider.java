package be.fedauth.core;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A provider that logs everyone in as one citizen, for routing tests. */
final class StubProvider implements AuthenticationProvider {
    private final ProviderId id;
    private final Set<DigitalKey> keys;
    DigitalKey usedKey;
    Runnable onFinish = () -> { };
    int finished;

    StubProvider(ProviderId id, Set<DigitalKey> keys, DigitalKey usedKey) {
        this.id = id;
        this.keys = keys;
        this.usedKey = usedKey;
    }

    @Override
    public ProviderId id() {
        return id;
    }

    @Override
    public Set<DigitalKey> keys() {
        return keys;
    }

    @Override
    public LoginRedirect startLogin(LoginRequest request) {
        PendingLogin pending = PendingLogin.builder(id, request, "state", java.time.Instant.parse("2019-01-01T00:00:00Z"))
                .lifetime(java.time.Duration.ofHours(1)).build();
        return new LoginRedirect(HttpRedirect.redirect(URI.create("https://" + id + ".example/authorize")), pending);
    }

    @Override
    public AuthenticatedUser finishLogin(CallbackRequest callback, PendingLogin pending) {
        onFinish.run();
        finished++;
        Identity identity = new Identity(Optional.of(NationalRegisterNumber.parse("85073003328")), Optional.empty(),
                "Jan", "Peeters", Language.NL, Optional.empty());
        return new AuthenticatedUser(identity, usedKey, usedKey.level(), id, java.time.Instant.EPOCH, List.of(),
                List.of(), List.of(), new SessionReference(id, Map.of()));
    }

    @Override
    public HttpRedirect startLogout(LogoutRequest request) {
        return HttpRedirect.redirect(URI.create("https://" + id + ".example/logout"));
    }
}
