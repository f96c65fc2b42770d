package be.fedauth.saml.internal;

import be.fedauth.core.AuthenticatedUser;
import be.fedauth.core.AuthenticationException;
import be.fedauth.core.CallbackRequest;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.FedAuthException;
import be.fedauth.core.HttpRedirect;
import be.fedauth.core.Identity;
import be.fedauth.core.IdpUnavailableException;
import be.fedauth.core.LoginChecks;
import be.fedauth.core.LoginRedirect;
import be.fedauth.core.LoginRequest;
import be.fedauth.core.LogoutRequest;
import be.fedauth.core.PendingLogin;
import be.fedauth.core.ProviderId;
import be.fedauth.core.SessionReference;
import be.fedauth.core.spi.AchievedLevel;
import be.fedauth.core.spi.VerifiedLogin;
import be.fedauth.saml.IdpInitiatedLogout;
import be.fedauth.saml.SamlBinding;
import be.fedauth.saml.SamlSettings;
import be.fedauth.saml.SamlSessionValues;
import be.fedauth.saml.SpKey;
import java.net.URI;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The SAML 2.0 login and logout behind {@link be.fedauth.saml.SamlProvider}: the shared
 * {@link LoginChecks} around the SAML part. Immutable and thread-safe.
 */
public final class SamlFlow {
    private final SamlSettings settings;
    private final ResponseValidator validator;
    private final AttributeMapper mapper;
    private final InboundLogout inboundLogout;
    private final LoginChecks checks;
    private final Supplier<IdpDescriptor> metadata;

    /** The flow for these settings, with their response validator and the identity provider's current metadata. */
    public SamlFlow(SamlSettings settings, ResponseValidator validator, Supplier<IdpDescriptor> metadata) {
        this.metadata = metadata;
        this.settings = settings;
        this.validator = validator;
        this.mapper = new AttributeMapper(settings.profile().attributes(), settings.profile().requireNationalNumber());
        this.inboundLogout = new InboundLogout(settings.clock(), settings.clockSkew(),
                settings.singleLogoutUrl().map(URI::toString), settings.replayCache());
        this.checks = LoginChecks.builder(settings.id(), settings.clock(), settings.replayCache()).auditSink(settings.auditSink())
                .auditPseudonymKey(settings.auditPseudonymKey())
                .retirements(settings.retirements()).build();
    }

    /** The provider's id. */
    public ProviderId id() {
        return settings.id();
    }

    /** The profile's keys, less the keys retired now. */
    public Set<DigitalKey> keys() {
        return checks.offered(settings.profile().keys());
    }

    /**
     * Sends the browser to the identity provider with a signed AuthnRequest over the configured binding.
     *
     * @throws AuthenticationException {@code key_not_offered} for a key this provider does not offer,
     *     {@code key_retired} for the token from its retirement
     * @throws IdpUnavailableException when the metadata cannot be loaded or lacks the SSO endpoint
     */
    public LoginRedirect startLogin(LoginRequest request) {
        Objects.requireNonNull(request, "request");
        checks.checkStart(request, settings.profile().keys());
        IdpDescriptor idp = metadata.get();
        List<String> classRefs = settings.profile().vocabulary().requestValues(request.minimumLevel(), request.keys());
        String requestId = "_" + settings.random().next();
        String state = settings.random().next();
        Instant now = settings.clock().instant();
        boolean redirect = settings.binding() == SamlBinding.REDIRECT;
        URI destination = (redirect ? idp.ssoRedirect() : idp.ssoPost()).orElseThrow(() -> new IdpUnavailableException(
                ErrorCode.IDP_INVALID_RESPONSE, idp.entityId() + " has no SSO endpoint for " + settings.binding()));
        SpKey key = settings.keys().signing();
        byte[] xml = Outbound.authnRequest(requestId, now, destination.toString(), settings.spEntityId(),
                settings.acsUrl().toString(), classRefs, !request.keys().isEmpty(),
                redirect ? Optional.empty() : Optional.of(key));
        HttpRedirect browser;
        if (redirect) {
            browser = HttpRedirect.redirect(RedirectCodec.encode(destination, "SAMLRequest", xml, Optional.of(state),
                    key.privateKey()));
        } else {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("SAMLRequest", Base64.getEncoder().encodeToString(xml));
            fields.put("RelayState", state);
            browser = HttpRedirect.post(destination, fields);
        }
        PendingLogin pending = PendingLogin.builder(id(), request, state, now).requestId(requestId)
                .lifetime(settings.pendingLoginLifetime()).build();
        checks.started(Map.of("binding", settings.binding().name()));
        return new LoginRedirect(browser, pending);
    }

    /**
     * Validates the identity provider's Response (HTTP-POST to the ACS) against the pending login.
     *
     * @throws AuthenticationException with the code of the first failed check
     * @throws IdpUnavailableException when the metadata cannot be loaded
     */
    public AuthenticatedUser finishLogin(CallbackRequest callback, PendingLogin pending) {
        Objects.requireNonNull(callback, "callback");
        Objects.requireNonNull(pending, "pending");
        return checks.finish(callback, pending, "RelayState", this::verify);
    }

    /** The SAML part: the Response (see {@link ResponseValidator}), the level's words, the attributes. */
    private VerifiedLogin verify(CallbackRequest callback, PendingLogin pending) {
        if (!"POST".equals(callback.method())) {
            throw new AuthenticationException(ErrorCode.MALFORMED_CALLBACK, "the SAML response arrives by HTTP-POST");
        }
        if (pending.requestId().isEmpty()) {
            throw new AuthenticationException(ErrorCode.PENDING_LOGIN_INVALID, "the pending login is not a SAML login");
        }
        String samlResponse = callback.required("SAMLResponse");
        IdpDescriptor idp = metadata.get();
        VerifiedAssertion assertion = validator.validate(samlResponse, pending.requestId(), idp);
        AchievedLevel achieved = settings.profile().vocabulary().interpret(assertion.classRefs());
        Identity identity = mapper.identity(assertion);
        // SAML Profiles 4.1.4.5: a bearer assertion is used once, by its ID, whatever binds it to a request.
        // Written after every check of the assertion passed, so a refused response takes no place.
        settings.replayCache().markUsed("saml-assertion:" + idp.entityId(), assertion.id(), assertion.expiresAt());
        return new VerifiedLogin(identity, achieved, assertion.authnInstant(), mapper.roles(assertion),
                mapper.mandates(assertion), session(assertion), assertion.sessionNotOnOrAfter(), Map.of());
    }

    private SessionReference session(VerifiedAssertion assertion) {
        Map<String, String> values = new HashMap<>();
        values.put(SamlSessionValues.NAME_ID, assertion.nameId());
        assertion.nameIdFormat().ifPresent(v -> values.put(SamlSessionValues.NAME_ID_FORMAT, v));
        assertion.nameQualifier().ifPresent(v -> values.put(SamlSessionValues.NAME_QUALIFIER, v));
        assertion.spNameQualifier().ifPresent(v -> values.put(SamlSessionValues.SP_NAME_QUALIFIER, v));
        assertion.sessionIndex().ifPresent(v -> values.put(SamlSessionValues.SESSION_INDEX, v));
        return new SessionReference(id(), values);
    }

    /**
     * SP-initiated Single Logout: a signed LogoutRequest over HTTP-Redirect to the IdP's SLO endpoint.
     * Give the request a {@code state} (a fresh random value kept in the browser's session) to check the
     * IdP's answer with {@link #finishLogout(CallbackRequest, String)}: the LogoutRequest ID is derived
     * from it and the answer's InResponseTo must match.
     *
     * @throws AuthenticationException {@code provider_not_offered} for another provider's session,
     *     {@code not_authenticated} when the session has no NameID
     * @throws IdpUnavailableException when the IdP has no SLO endpoint
     */
    public HttpRedirect startLogout(LogoutRequest request) {
        Objects.requireNonNull(request, "request");
        SessionReference session = request.session();
        if (!session.provider().equals(id())) {
            throw new AuthenticationException(ErrorCode.PROVIDER_NOT_OFFERED, "the session belongs to " + session.provider());
        }
        String nameId = session.value(SamlSessionValues.NAME_ID).orElseThrow(() ->
                new AuthenticationException(ErrorCode.NOT_AUTHENTICATED, "the session has no SAML NameID"));
        IdpDescriptor idp = metadata.get();
        URI slo = idp.sloRedirect().orElseThrow(() -> new IdpUnavailableException(ErrorCode.IDP_INVALID_RESPONSE,
                idp.entityId() + " has no HTTP-Redirect SingleLogoutService"));
        String requestId = InboundLogout.requestIdFor(settings.spEntityId(), request.state().orElseGet(settings.random()::next));
        byte[] xml = Outbound.logoutRequest(requestId, settings.clock().instant(), slo.toString(),
                settings.spEntityId(), nameId, session.value(SamlSessionValues.NAME_ID_FORMAT),
                session.value(SamlSessionValues.NAME_QUALIFIER), session.value(SamlSessionValues.SP_NAME_QUALIFIER),
                session.value(SamlSessionValues.SESSION_INDEX));
        checks.audit("logout_started", Optional.empty(), Map.of());
        return HttpRedirect.redirect(RedirectCodec.encode(slo, "SAMLRequest", xml, request.state(),
                settings.keys().signing().privateKey()));
    }

    /**
     * Verifies the identity provider's LogoutResponse to {@link #startLogout} (HTTP-Redirect to the SLO URL).
     * The signature is checked over the values re-encoded as this SDK encodes them; prefer
     * {@link #finishLogout(String, String)} with the raw query string, which accepts any valid encoding.
     *
     * @param state the state given in the {@link LogoutRequest} (kept in the browser's session)
     * @throws AuthenticationException {@code state_mismatch} when the RelayState is not {@code state},
     *     {@code in_response_to_mismatch} when the response answers another LogoutRequest,
     *     {@code idp_error} when the IdP reports a failure, or the code of the failed check
     */
    public void finishLogout(CallbackRequest callback, String state) {
        Objects.requireNonNull(callback, "callback");
        Objects.requireNonNull(state, "state");
        auditFailure("logout_failed", () -> {
            IdpDescriptor idp = metadata.get();
            finishLogout(InboundLogout.read(callback, "SAMLResponse", idp), idp, state);
            return null;
        });
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
        Objects.requireNonNull(rawQuery, "rawQuery");
        Objects.requireNonNull(state, "state");
        auditFailure("logout_failed", () -> {
            IdpDescriptor idp = metadata.get();
            finishLogout(RedirectCodec.decodeVerifiedRaw("SAMLResponse", rawQuery, idp.signingCertificates()), idp, state);
            return null;
        });
    }

    private void finishLogout(RedirectCodec.Inbound message, IdpDescriptor idp, String state) {
        if (!message.relayState().map(state::equals).orElse(false)) {
            throw new AuthenticationException(ErrorCode.STATE_MISMATCH, "the RelayState does not match this logout");
        }
        inboundLogout.response(message, idp, InboundLogout.requestIdFor(settings.spEntityId(), state));
        checks.audit("logout_finished", Optional.empty(), Map.of());
    }

    /** Runs {@code work}; a refusal is audited as {@code type} with its code, then rethrown. */
    private <T> T auditFailure(String type, Supplier<T> work) {
        try {
            return work.get();
        } catch (FedAuthException e) {
            checks.audit(type, Optional.of(e.code()), Map.of());
            throw e;
        }
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
        Objects.requireNonNull(callback, "callback");
        return auditFailure("logout_request_refused", () -> {
            IdpDescriptor idp = metadata.get();
            return handleLogoutRequest(InboundLogout.read(callback, "SAMLRequest", idp), idp);
        });
    }

    /**
     * As {@link #handleLogoutRequest(CallbackRequest)}, from the request's raw query string (still
     * URL-encoded): the signature is verified over the parameters exactly as the IdP encoded them.
     *
     * @param rawQuery the query string, without the leading {@code ?}
     */
    public IdpInitiatedLogout handleLogoutRequest(String rawQuery) {
        Objects.requireNonNull(rawQuery, "rawQuery");
        return auditFailure("logout_request_refused", () -> {
            IdpDescriptor idp = metadata.get();
            return handleLogoutRequest(RedirectCodec.decodeVerifiedRaw("SAMLRequest", rawQuery,
                    idp.signingCertificates()), idp);
        });
    }

    private IdpInitiatedLogout handleLogoutRequest(RedirectCodec.Inbound message, IdpDescriptor idp) {
        InboundLogout.Request request = inboundLogout.request(message, idp);
        URI slo = idp.sloRedirect().orElseThrow(() -> new IdpUnavailableException(ErrorCode.IDP_INVALID_RESPONSE,
                idp.entityId() + " has no HTTP-Redirect SingleLogoutService"));
        byte[] xml = Outbound.logoutResponse("_" + settings.random().next(), settings.clock().instant(),
                slo.toString(), settings.spEntityId(), request.id());
        URI back = RedirectCodec.encode(slo, "SAMLResponse", xml, message.relayState(),
                settings.keys().signing().privateKey());
        checks.audit("logout_requested_by_idp", Optional.empty(), Map.of());
        return new IdpInitiatedLogout(request.nameId(), request.sessionIndexes(), HttpRedirect.redirect(back));
    }

    /** This SP's metadata (SAML Metadata 2.0), signed with the current signing key, to register at the IdP. */
    public String spMetadataXml() {
        SpKey signing = settings.keys().signing();
        return SpMetadataWriter.write("_" + settings.random().next(), settings.spEntityId(), settings.acsUrl().toString(),
                settings.singleLogoutUrl().map(URI::toString),
                settings.keys().publishedSigningKeys().stream().map(SpKey::certificate).toList(),
                settings.keys().decryptionKeys().stream().map(SpKey::certificate).toList(),
                signing.privateKey(), signing.certificate());
    }

    @Override
    public String toString() {
        return "SamlFlow[" + settings + "]";
    }
}
