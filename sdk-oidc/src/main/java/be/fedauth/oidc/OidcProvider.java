package be.fedauth.oidc;

import be.fedauth.core.AuthenticatedUser;
import be.fedauth.core.AuthenticationProvider;
import be.fedauth.core.CallbackRequest;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.HttpRedirect;
import be.fedauth.core.LoginRedirect;
import be.fedauth.core.LoginRequest;
import be.fedauth.core.LogoutRequest;
import be.fedauth.core.PendingLogin;
import be.fedauth.core.ProviderId;
import be.fedauth.oidc.internal.OidcFlow;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs users in through BOSA FAS (or another OpenID provider) with the OpenID Connect authorization
 * code flow. Immutable and thread-safe: build one per configuration and share it.
 *
 * <p>{@link #startLogin} sends {@code state}, {@code nonce}, a PKCE S256 challenge, the requested
 * level or keys as {@code acr_values} and the language as {@code ui_locales}. {@link #finishLogin}
 * checks, in order: the pending login (provider, expiry), {@code state}, the RFC 9207 {@code iss}
 * parameter, an {@code error} on the callback (rejected input, never an IdP failure:
 * {@code login_cancelled} for {@code access_denied}, {@code idp_refused_request} for the errors that
 * mean a configuration problem, {@code idp_callback_error} otherwise), single use of state and code
 * ({@code replay_detected}), the token exchange ({@code grant_rejected}; {@code invalid_configuration}
 * for a refused client or scope), the ID token signature (algorithm allow-list, key from the JWKS
 * only, allowed to verify by its {@code use} and {@code key_ops}), its {@code typ}
 * ({@code token_type_mismatch}), {@code iss}, {@code aud}, {@code azp}, {@code sub}, {@code exp},
 * {@code iat} (at most {@link OidcSettings#maxTokenAge()} old), {@code nbf}, {@code auth_time},
 * {@code nonce}, single use of the ID token, userinfo (signed JWT with {@code aud}, or JSON that may
 * not set the national number or federal id) with the same {@code sub}, and the level achieved
 * ({@code amr}/{@code acr}; {@code level_too_low}).
 * See docs/oidc.md for what is not verified.
 */
public final class OidcProvider implements AuthenticationProvider {
    private static final Logger LOG = LoggerFactory.getLogger(OidcProvider.class);

    private final OidcSettings settings;
    private final OidcFlow flow;

    private OidcProvider(OidcSettings settings) {
        this.settings = settings;
        this.flow = new OidcFlow(settings);
    }

    /** A provider for these settings. No network call is made until the first login. */
    public static OidcProvider create(OidcSettings settings) {
        Objects.requireNonNull(settings, "settings");
        if (settings.httpForLoopback()) {
            LOG.warn("OpenID provider {} allows http for loopback hosts: for tests only", settings.providerId());
        }
        settings.issuerAlias().ifPresent(alias -> LOG.warn("OpenID provider {} also accepts the issuer {} (declared alias"
                + " of {})", settings.providerId(), alias, settings.issuer()));
        return new OidcProvider(settings);
    }

    /** The settings. */
    public OidcSettings settings() {
        return settings;
    }

    @Override
    public ProviderId id() {
        return settings.providerId();
    }

    @Override
    public Set<DigitalKey> keys() {
        return flow.keys();
    }

    @Override
    public LoginRedirect startLogin(LoginRequest request) {
        return flow.start(Objects.requireNonNull(request, "request"));
    }

    @Override
    public AuthenticatedUser finishLogin(CallbackRequest callback, PendingLogin pending) {
        return flow.finish(Objects.requireNonNull(callback, "callback"), Objects.requireNonNull(pending, "pending"));
    }

    /**
     * Refreshes a login with its refresh token: the new ID token is validated like the first one
     * (without nonce) and must keep {@code iss} and {@code sub} (OIDC Core 12.2).
     *
     * @return the user with a new session reference
     * @throws be.fedauth.core.AuthenticationException {@code missing_claim} without refresh token,
     *     {@code grant_rejected}, {@code issuer_mismatch}, {@code subject_mismatch} or any ID token code
     */
    public AuthenticatedUser refresh(AuthenticatedUser user) {
        return flow.refresh(Objects.requireNonNull(user, "user"));
    }

    /**
     * The redirect to FAS's {@code connect/endSession} with {@code id_token_hint}.
     *
     * @throws be.fedauth.core.ConfigurationException when the provider has no end-session endpoint
     */
    @Override
    public HttpRedirect startLogout(LogoutRequest request) {
        return flow.logout(Objects.requireNonNull(request, "request"));
    }

    @Override
    public String toString() {
        return "OidcProvider[" + settings + "]";
    }
}
