package be.fedauth.oidc.internal;

import be.fedauth.core.AuthenticatedUser;
import be.fedauth.core.AuthenticationException;
import be.fedauth.core.CallbackRequest;
import be.fedauth.core.ConfigurationException;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.FedAuthException;
import be.fedauth.core.HttpRedirect;
import be.fedauth.core.Identity;
import be.fedauth.core.LoginChecks;
import be.fedauth.core.LoginRedirect;
import be.fedauth.core.LoginRequest;
import be.fedauth.core.LogoutRequest;
import be.fedauth.core.PendingLogin;
import be.fedauth.core.SessionReference;
import be.fedauth.core.spi.AchievedLevel;
import be.fedauth.core.spi.VerifiedLogin;
import be.fedauth.oidc.OidcSettings;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The OpenID Connect code flow behind {@link be.fedauth.oidc.OidcProvider}. Immutable and thread-safe. */
public final class OidcFlow {
    private static final String ID_TOKEN = "id_token";
    private static final String REFRESH_TOKEN = "refresh_token";
    private static final String ISS = "iss";
    private static final String SUB = "sub";

    private final OidcSettings settings;
    private final MetadataSource metadata;
    private final TokenClient tokens;
    private final HttpTransport http;
    private final IdTokenValidator idTokens;
    private final LoginChecks checks;
    private volatile SignatureVerifier verifier;
    private volatile URI verifierJwks;

    /** The flow for these settings. */
    public OidcFlow(OidcSettings settings) {
        this.settings = settings;
        this.http = new HttpTransport(settings.connectTimeout(), settings.readTimeout(), settings.maxResponseBytes());
        this.metadata = new MetadataSource(settings, http);
        this.tokens = new TokenClient(settings, http);
        this.idTokens = new IdTokenValidator(settings);
        this.checks = LoginChecks.builder(settings.providerId(), settings.clock(), settings.replayCache())
                .auditSink(settings.auditSink()).auditPseudonymKey(settings.auditPseudonymKey())
                .retirements(settings.retirements()).build();
    }

    /** The keys offered now: the configured ones minus retired keys. */
    public Set<DigitalKey> keys() {
        return checks.offered(settings.keys());
    }

    /** Builds the authorization request (OIDC Core 3.1.2.1, RFC 7636 4.3). */
    public LoginRedirect start(LoginRequest request) {
        checks.checkStart(request, settings.keys());
        Endpoints endpoints;
        try {
            endpoints = metadata.endpoints();
        } catch (FedAuthException e) {
            IdpTrouble.log(settings, "login start", e);
            throw e;
        }
        String state = settings.random().next();
        String nonce = settings.random().next();
        String verifierValue = settings.random().next();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", settings.clientId());
        params.put("redirect_uri", settings.redirectUri().toString());
        params.put("scope", String.join(" ", settings.scopes()));
        params.put("state", state);
        params.put("nonce", nonce);
        params.put("code_challenge", challenge(verifierValue));
        params.put("code_challenge_method", "S256");
        List<String> acr = settings.vocabulary().requestValues(request.minimumLevel(), request.keys());
        if (!acr.isEmpty()) {
            params.put("acr_values", String.join(" ", acr));
        }
        params.put("ui_locales", request.language().code());
        URI location = withQuery(endpoints.authorization(), params);
        Instant now = settings.clock().instant();
        PendingLogin pending = PendingLogin.builder(settings.providerId(), request, state, now).nonce(nonce)
                .codeVerifier(verifierValue).lifetime(settings.pendingLoginLifetime()).build();
        checks.started(Map.of("acr_values", String.join(" ", acr)));
        return new LoginRedirect(HttpRedirect.redirect(location), pending);
    }

    /** Validates the callback and everything the identity provider returns, inside the shared login checks. */
    public AuthenticatedUser finish(CallbackRequest callback, PendingLogin pending) {
        try {
            return checks.finish(callback, pending, "state", this::verify);
        } catch (FedAuthException e) {
            IdpTrouble.log(settings, "login", e);
            throw e;
        }
    }

    /** The OIDC part: RFC 9207 iss, IdP errors, the code exchange, the ID token, userinfo, the claims. */
    private VerifiedLogin verify(CallbackRequest callback, PendingLogin pending) {
        if (pending.nonce().isEmpty() || pending.codeVerifier().isEmpty()) {
            throw new AuthenticationException(ErrorCode.PENDING_LOGIN_INVALID, "the pending login is not an OIDC login");
        }
        Endpoints endpoints = metadata.endpoints();
        // RFC 9207 2.4: compare iss when present; require it when the provider promises it.
        Optional<String> iss = callback.single("iss");
        if (iss.isPresent() ? !Issuers.accepted(settings, iss.get()) : endpoints.issParameterSupported()) {
            throw new AuthenticationException(ErrorCode.ISSUER_MISMATCH, iss.isPresent() ? "the callback iss '"
                    + Issuers.shown(iss.get()) + "' is not the configured issuer '" + settings.issuer() + "'" : "the callback has no iss");
        }
        Optional<String> error = callback.single("error");
        if (error.isPresent()) {
            throw CallbackErrors.refusal(settings, error.get(), callback.single("error_description"));
        }
        String code = callback.required("code");
        TokenClient.Tokens t = tokens.redeem(endpoints.token(), code, pending.codeVerifier());
        SignedJWT idToken = verifier(endpoints).verify(t.idToken(), "ID token");
        // The nonce binds the ID token to this pending login, whose state the shared checks use once:
        // no further replay-cache entry is needed for the code or the token (codes are single-use at
        // the IdP, RFC 6749 4.1.2).
        JWTClaimsSet claims = idTokens.validate(idToken, pending.nonce());
        Map<String, Object> all = new HashMap<>(claims.getClaims());
        if (settings.userinfo() && endpoints.userinfo().isPresent()) {
            UserInfoClient.UserInfo info = new UserInfoClient(settings, http, verifier(endpoints))
                    .fetch(endpoints.userinfo().get(), t.accessToken(), claims.getSubject());
            // Signed userinfo (FAS) is the IdP's word like the ID token; plain JSON is vouched for by TLS
            // only (OIDC Core 5.3.2), so it may add profile claims but never the level, roles or mandates.
            all.putAll(info.signed() ? info.claims() : ClaimsMapper.profileClaims(info.claims(), settings.claimNames()));
        }
        // The level comes from the ID token when it states one (FAS: amr), else from signed userinfo.
        boolean idTokenHasLevel = claims.getClaim("amr") != null || claims.getClaim("acr") != null;
        AchievedLevel level = ClaimsMapper.level(idTokenHasLevel ? claims.getClaims() : all, settings.vocabulary());
        Identity identity = ClaimsMapper.identity(all, pending.language(), settings.claimNames(),
                settings.requireNationalNumber());
        Instant authTime = claims.getClaim("auth_time") != null ? dateClaim(claims, "auth_time")
                : claims.getIssueTime().toInstant();
        return new VerifiedLogin(identity, level, authTime, ClaimsMapper.roles(all), ClaimsMapper.mandates(all),
                session(t.idToken(), t.refreshToken(), claims), settings.sessionBoundToIdToken()
                ? Optional.of(claims.getExpirationTime().toInstant()) : Optional.empty(), Map.of());
    }

    /** Refreshes a login (OIDC Core 12): the new ID token must keep {@code iss} and {@code sub}. */
    public AuthenticatedUser refresh(AuthenticatedUser user) {
        SessionReference session = user.session();
        if (!session.provider().equals(settings.providerId())) {
            throw new AuthenticationException(ErrorCode.PENDING_LOGIN_INVALID, "the login is not this provider's");
        }
        String refreshToken = session.value(REFRESH_TOKEN).orElseThrow(() ->
                new AuthenticationException(ErrorCode.MISSING_CLAIM, "the login has no refresh token"));
        JWTClaimsSet claims;
        TokenClient.Tokens t;
        try {
            Endpoints endpoints = metadata.endpoints();
            t = tokens.refresh(endpoints.token(), refreshToken);
            claims = idTokens.validate(verifier(endpoints).verify(t.idToken(), "ID token"), Optional.empty());
        } catch (FedAuthException e) {
            IdpTrouble.log(settings, "refresh", e);
            throw e;
        }
        if (!claims.getIssuer().equals(session.value(ISS).orElse(""))) {
            throw new AuthenticationException(ErrorCode.ISSUER_MISMATCH, "the refreshed ID token has another issuer");
        }
        if (!claims.getSubject().equals(session.value(SUB).orElse(""))) {
            throw new AuthenticationException(ErrorCode.SUBJECT_MISMATCH, "the refreshed ID token has another subject");
        }
        SessionReference fresh = session(t.idToken(), t.refreshToken().or(() -> Optional.of(refreshToken)), claims);
        checks.audit("login_refreshed", Optional.empty(), Map.of());
        return new AuthenticatedUser(user.identity(), user.key(), user.level(), user.provider(),
                user.authenticatedAt(), user.roles(), user.mandates(), user.notices(), fresh, user.notAfter());
    }

    /** The end-session redirect (OpenID Connect RP-Initiated Logout 1.0, section 2). */
    public HttpRedirect logout(LogoutRequest request) {
        Endpoints endpoints = metadata.endpoints();
        URI endSession = endpoints.endSession().orElseThrow(() ->
                new ConfigurationException("the identity provider has no end-session endpoint"));
        Map<String, String> params = new LinkedHashMap<>();
        request.session().value(ID_TOKEN).ifPresent(v -> params.put("id_token_hint", v));
        params.put("client_id", settings.clientId());
        request.postLogoutRedirect().ifPresent(u -> params.put("post_logout_redirect_uri", u.toString()));
        request.state().ifPresent(s -> params.put("state", s));
        checks.audit("logout_started", Optional.empty(), Map.of());
        return HttpRedirect.redirect(withQuery(endSession, params));
    }

    private SessionReference session(String idToken, Optional<String> refreshToken, JWTClaimsSet claims) {
        Map<String, String> values = new HashMap<>();
        values.put(ID_TOKEN, idToken);
        refreshToken.ifPresent(r -> values.put(REFRESH_TOKEN, r));
        values.put(ISS, claims.getIssuer());
        values.put(SUB, claims.getSubject());
        return new SessionReference(settings.providerId(), values);
    }

    private SignatureVerifier verifier(Endpoints endpoints) {
        SignatureVerifier v = verifier;
        if (v != null && endpoints.jwks().equals(verifierJwks)) {
            return v;
        }
        synchronized (this) {
            if (verifier == null || !endpoints.jwks().equals(verifierJwks)) {
                verifier = new SignatureVerifier(endpoints.jwks(), settings.algorithms(), http, settings.clock(),
                        settings.jwksCacheTtl(), settings.jwksRefetchInterval(), settings.jwksOutageTolerance(),
                        settings.connectTimeout().plus(settings.readTimeout()), settings.providerId());
                verifierJwks = endpoints.jwks();
            }
            return verifier;
        }
    }

    private static Instant dateClaim(JWTClaimsSet claims, String name) {
        try {
            return claims.getDateClaim(name).toInstant();
        } catch (java.text.ParseException e) {
            throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE, "the " + name + " claim is not a time", e);
        }
    }

    private static URI withQuery(URI base, Map<String, String> params) {
        String query = params.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        String s = base.toString();
        return URI.create(s + (base.getRawQuery() == null ? "?" : "&") + query);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String challenge(String verifier) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest(verifier));
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
