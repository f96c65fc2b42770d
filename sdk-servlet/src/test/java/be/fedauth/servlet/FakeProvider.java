package be.fedauth.servlet;

import be.fedauth.core.AuthenticatedUser;
import be.fedauth.core.AuthenticationException;
import be.fedauth.core.AuthenticationProvider;
import be.fedauth.core.CallbackRequest;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.HttpRedirect;
import be.fedauth.core.Identity;
import be.fedauth.core.LoginChecks;
import be.fedauth.core.LoginRedirect;
import be.fedauth.core.LoginRequest;
import be.fedauth.core.LogoutRequest;
import be.fedauth.core.PendingLogin;
import be.fedauth.core.ProviderId;
import be.fedauth.core.SessionReference;
import be.fedauth.core.spi.AchievedLevel;
import be.fedauth.core.spi.RandomValues;
import be.fedauth.core.spi.ReplayCache;
import be.fedauth.core.spi.VerifiedLogin;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A provider written for these tests, in two flavours that behave like the real protocols at the
 * browser: {@link Flavour#REDIRECT} sends the browser away with a 302 and expects a GET with
 * {@code code} and {@code state} (OIDC); {@link Flavour#POST} sends an auto-submitting form and
 * expects a POST with {@code SAMLResponse} ("request id:persona") and {@code RelayState} (SAML).
 * It finishes logins through sdk-core's {@link LoginChecks}, as the real providers do (state, single
 * use, level, audit), around its own step (the request id, the persona).
 */
final class FakeProvider implements AuthenticationProvider {
    enum Flavour { REDIRECT, POST }

    private final ProviderId id;
    private final Flavour flavour;
    private final Set<DigitalKey> keys;
    private final Clock clock;
    private final RandomValues random = RandomValues.secure();
    private final ReplayCache replayCache;
    private final LoginChecks checks;
    private volatile LoginRequest lastRequest;
    private volatile DigitalKey[] reportedKey = new DigitalKey[0];

    FakeProvider(String id, Flavour flavour, Set<DigitalKey> keys, Clock clock) {
        this(id, flavour, keys, clock, ReplayCache.inMemory(clock, 1_000));
    }

    FakeProvider(String id, Flavour flavour, Set<DigitalKey> keys, Clock clock, ReplayCache replayCache) {
        this.id = ProviderId.of(id);
        this.flavour = flavour;
        this.keys = Set.copyOf(keys);
        this.clock = clock;
        this.replayCache = replayCache;
        this.checks = LoginChecks.builder(this.id, clock, replayCache).build();
    }

    private DigitalKey strongestOffered() {
        return checks.offered(keys).stream().max(java.util.Comparator.comparing(DigitalKey::level)).orElseThrow();
    }

    /** Where the pipeline remembers used states. */
    ReplayCache replayCache() {
        return replayCache;
    }

    @Override
    public ProviderId id() {
        return id;
    }

    @Override
    public Set<DigitalKey> keys() {
        return keys;
    }

    /** The request of the last login started. */
    LoginRequest lastRequest() {
        return lastRequest;
    }

    /**
     * From now on, reports this key (and its level) whatever was asked, as a provider that does not
     * check the requested level would.
     */
    void reportKey(DigitalKey key) {
        this.reportedKey = new DigitalKey[] {key};
    }

    @Override
    public LoginRedirect startLogin(LoginRequest request) {
        lastRequest = request;
        for (DigitalKey key : request.keys()) {
            if (!keys.contains(key)) {
                throw new AuthenticationException(ErrorCode.KEY_NOT_OFFERED, "key not offered");
            }
        }
        String state = random.next();
        PendingLogin.Builder pending = PendingLogin.builder(id, request, state, clock.instant());
        if (flavour == Flavour.REDIRECT) {
            pending.nonce(random.next()).codeVerifier(random.next());
            URI location = URI.create("https://idp.example/" + id + "/authorize?state=" + state + "&keys="
                    + URLEncoder.encode(request.keys().toString(), StandardCharsets.UTF_8));
            return new LoginRedirect(HttpRedirect.redirect(location), pending.build());
        }
        String requestId = "_" + random.next();
        pending.requestId(requestId);
        return new LoginRedirect(HttpRedirect.post(URI.create("https://idp.example/" + id + "/sso"),
                Map.of("SAMLRequest", requestId, "RelayState", state)), pending.build());
    }

    @Override
    public AuthenticatedUser finishLogin(CallbackRequest callback, PendingLogin pending) {
        return checks.finish(callback, pending, flavour == Flavour.REDIRECT ? "state" : "RelayState", this::verify);
    }

    private VerifiedLogin verify(CallbackRequest callback, PendingLogin pending) {
        String persona;
        if (flavour == Flavour.REDIRECT) {
            persona = callback.required("code");
        } else {
            if (!"POST".equals(callback.method())) {
                throw new AuthenticationException(ErrorCode.MALFORMED_CALLBACK, "SAML responses are posted");
            }
            String[] response = callback.required("SAMLResponse").split(":", 2);
            if (response.length != 2 || !response[0].equals(pending.requestId().orElseThrow())) {
                throw new AuthenticationException(ErrorCode.IN_RESPONSE_TO_MISMATCH, "answers another request");
            }
            persona = response[1];
        }
        Persona p;
        try {
            p = Persona.named(persona);
        } catch (IllegalArgumentException e) {
            // As an identity provider refuses a code it never issued.
            throw new AuthenticationException(ErrorCode.GRANT_REJECTED, "unknown code");
        }
        DigitalKey[] forced = reportedKey;
        DigitalKey key = forced.length == 1 ? forced[0]
                : pending.keys().isEmpty() ? strongestOffered() : pending.keys().iterator().next();
        return new VerifiedLogin(p.identity(), new AchievedLevel(key.level(), Optional.of(key)), clock.instant(),
                p.roles(), List.of(), new SessionReference(id, Map.of("id_token", "secret-token-of-" + persona)),
                Optional.empty(), Map.of());
    }

    @Override
    public HttpRedirect startLogout(LogoutRequest request) {
        String back = request.postLogoutRedirect().map(u -> "?post_logout_redirect_uri="
                + URLEncoder.encode(u.toString(), StandardCharsets.UTF_8)).orElse("");
        return HttpRedirect.redirect(URI.create("https://idp.example/" + id + "/logout" + back));
    }
}
