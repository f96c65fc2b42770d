package be.fedauth.saml;

import be.fedauth.core.AuthenticatedUser;
import be.fedauth.core.AuthenticationException;
import be.fedauth.core.AuthenticationProvider;
import be.fedauth.core.CallbackRequest;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.HttpRedirect;
import be.fedauth.core.IdpUnavailableException;
import be.fedauth.core.LoginRedirect;
import be.fedauth.core.LoginChecks;
import be.fedauth.core.LoginRequest;
import be.fedauth.core.LogoutRequest;
import be.fedauth.core.PendingLogin;
import be.fedauth.core.ProviderId;
import be.fedauth.core.SingleLogout;
import be.fedauth.saml.internal.Credentials;
import be.fedauth.saml.internal.FrontChannelLogout;
import be.fedauth.saml.internal.OpenSaml;
import be.fedauth.saml.internal.ResponseValidator;
import be.fedauth.saml.internal.SamlFlow;
import be.fedauth.saml.internal.ValidationSettings;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs users in through a SAML 2.0 identity provider: BOSA FAS, or the legacy social-security login
 * (a second instance with {@link SamlProfile#socialSecurity()}). Made with {@link #create} from
 * {@link SamlSettings} (see there for the settings and their defaults).
 *
 * <p>{@link #finishLogin} runs the shared {@link LoginChecks} (pending login, RelayState equal
 * to the state and not used before, level reached, named key not retired, single use, audit) around the
 * SAML part: a POST, then everything {@code ResponseValidator} lists (hardened parse, schema,
 * Destination, Issuer, Status, InResponseTo, signatures against the metadata keys only, exactly one
 * assertion, decryption, bearer confirmation, conditions, audience), the level's words and the attributes. Not verified: the IdP's certificate chains and
 * validity dates (metadata keys are trusted as published, as SAML Metadata 2.4.1.1 intends).
 *
 * <p>Immutable and thread-safe. OpenSAML is initialised once, by the first {@link #create}.
 */
public final class SamlProvider implements AuthenticationProvider {
    private static final Logger LOG = LoggerFactory.getLogger(SamlProvider.class);

    private final SamlSettings settings;
    private final SamlFlow flow;
    private final Optional<SingleLogout> singleLogout;

    private SamlProvider(SamlSettings settings, SamlFlow flow) {
        this.settings = settings;
        this.flow = flow;
        this.singleLogout = settings.singleLogoutUrl().map(url -> new FrontChannelLogout(flow, settings.idp().entityId()));
    }

    /**
     * A provider for these settings. Initialises OpenSAML on first use (about a second, once per JVM);
     * no network call is made until the first login. Logs each opt-out of a default at WARN.
     */
    public static SamlProvider create(SamlSettings settings) {
        Objects.requireNonNull(settings, "settings");
        if (settings.acceptResponseSignatureOnly()) {
            LOG.warn("{}: assertions covered only by the response signature are accepted", settings.id());
        }
        if (settings.allowUnsolicitedResponses()) {
            LOG.warn("{}: unsolicited (IdP-initiated) responses are accepted", settings.id());
        }
        OpenSaml.get();
        ValidationSettings validation = new ValidationSettings(settings.spEntityId(), settings.acsUrl().toString(),
                settings.clock(), settings.clockSkew(), !settings.acceptResponseSignatureOnly(),
                settings.allowUnsolicitedResponses(), settings.requireEncryptedAssertions(), settings.maxResponseBytes(),
                Credentials.decrypting(settings.keys().decryptionKeys()), settings.maxIssueAge());
        return new SamlProvider(settings, new SamlFlow(settings, new ResponseValidator(validation),
                settings.idp()::descriptor));
    }

    /** The settings. */
    public SamlSettings settings() {
        return settings;
    }

    @Override
    public ProviderId id() {
        return settings.id();
    }

    /** The profile's keys, less the keys retired now ({@link SamlSettings#retirements()}). */
    @Override
    public Set<DigitalKey> keys() {
        return flow.keys();
    }

    /**
     * Sends the browser to the identity provider with a signed AuthnRequest over the configured binding.
     *
     * @throws AuthenticationException {@code key_not_offered} for a key this provider does not offer,
     *     {@code key_retired} for a key retired now
     * @throws IdpUnavailableException when the metadata cannot be loaded or lacks the SSO endpoint
     */
    @Override
    public LoginRedirect startLogin(LoginRequest request) {
        return flow.startLogin(Objects.requireNonNull(request, "request"));
    }

    /**
     * Validates the identity provider's Response (HTTP-POST to the ACS) against the pending login,
     * inside the shared {@link LoginChecks}.
     *
     * @throws AuthenticationException with the code of the first failed check
     * @throws IdpUnavailableException when the metadata cannot be loaded
     */
    @Override
    public AuthenticatedUser finishLogin(CallbackRequest callback, PendingLogin pending) {
        return flow.finishLogin(Objects.requireNonNull(callback, "callback"), Objects.requireNonNull(pending, "pending"));
    }

    /**
     * SP-initiated Single Logout: a signed LogoutRequest over HTTP-Redirect to the IdP's SLO endpoint.
     * Give the request a {@code state} (a fresh random value kept in the browser's session) to check the
     * IdP's answer with {@link #finishLogout(String, String)}: the LogoutRequest ID is derived from it
     * and the answer's InResponseTo must match.
     *
     * @throws AuthenticationException {@code provider_not_offered} for another provider's session,
     *     {@code not_authenticated} when the session has no NameID
     * @throws IdpUnavailableException when the IdP has no SLO endpoint
     */
    @Override
    public HttpRedirect startLogout(LogoutRequest request) {
        return flow.startLogout(Objects.requireNonNull(request, "request"));
    }

    /**
     * Verifies the identity provider's LogoutResponse to {@link #startLogout} (HTTP-Redirect to the SLO
     * URL). The signature is checked over the values re-encoded as this SDK encodes them; prefer
     * {@link #finishLogout(String, String)} with the raw query string, which accepts any valid encoding.
     *
     * @param state the state given in the {@link LogoutRequest} (kept in the browser's session)
     * @throws AuthenticationException {@code state_mismatch} when the RelayState is not {@code state},
     *     {@code in_response_to_mismatch} when the response answers another LogoutRequest,
     *     {@code idp_error} when the IdP reports a failure, or the code of the failed check
     */
    public void finishLogout(CallbackRequest callback, String state) {
        flow.finishLogout(Objects.requireNonNull(callback, "callback"), Objects.requireNonNull(state, "state"));
    }

    /**
     * As {@link #finishLogout(CallbackRequest, String)}, from the request's raw query string (still
     * URL-encoded, as {@code HttpServletRequest.getQueryString()} gives it): the signature is verified
     * over the parameters exactly as the IdP encoded them (SAML Bindings 3.4.4.1).
     *
     * @param rawQuery the query string, without the leading {@code ?}
     * @param state the state given in the {@link LogoutRequest}
     */
    public void finishLogout(String rawQuery, String state) {
        flow.finishLogout(Objects.requireNonNull(rawQuery, "rawQuery"), Objects.requireNonNull(state, "state"));
    }

    /**
     * Handles an IdP-initiated LogoutRequest (HTTP-Redirect to the SLO URL): verifies it and prepares
     * the signed LogoutResponse. The caller ends the matching session, then redirects the browser. The
     * signature is checked over the values re-encoded as this SDK encodes them; prefer
     * {@link #handleLogoutRequest(String)} with the raw query string.
     *
     * @throws AuthenticationException with the code of the failed check ({@code replay_detected} for a
     *     LogoutRequest seen before, {@code token_expired} for one older than 5 minutes beyond the skew)
     */
    public IdpInitiatedLogout handleLogoutRequest(CallbackRequest callback) {
        return flow.handleLogoutRequest(Objects.requireNonNull(callback, "callback"));
    }

    /**
     * As {@link #handleLogoutRequest(CallbackRequest)}, from the request's raw query string (still
     * URL-encoded): the signature is verified over the parameters exactly as the IdP encoded them.
     *
     * @param rawQuery the query string, without the leading {@code ?}
     */
    public IdpInitiatedLogout handleLogoutRequest(String rawQuery) {
        return flow.handleLogoutRequest(Objects.requireNonNull(rawQuery, "rawQuery"));
    }

    /** This SP's metadata (SAML Metadata 2.0), signed with the current signing key, to register at the IdP. */
    public String spMetadataXml() {
        return flow.spMetadataXml();
    }

    /**
     * {@link #spMetadataXml()}: the entity id, the signing and encryption certificates (the next ones too,
     * during a rollover), the ACS (HTTP-POST) and, when set, the single-logout URL (HTTP-Redirect); signed
     * with the current signing key. A fresh document (new ID and signature) on each call.
     */
    @Override
    public Optional<String> serviceProviderMetadata() {
        return Optional.of(spMetadataXml());
    }

    /**
     * With a {@linkplain SamlSettings#singleLogoutUrl() single-logout URL}: the IdP's LogoutRequests and
     * LogoutResponses over HTTP-Redirect to it, verified as {@link #handleLogoutRequest(String)} and
     * {@link #finishLogout(String, String)} do; a message is {@linkplain SingleLogout#recognises recognised}
     * when its Issuer is the IdP's entity id. Empty without a single-logout URL.
     */
    @Override
    public Optional<SingleLogout> singleLogout() {
        return singleLogout;
    }

    @Override
    public String toString() {
        return "SamlProvider[" + settings + "]";
    }
}
