package be.fedauth.benchmarks;

import be.fedauth.core.AuthenticatedUser;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.AuthenticationException;
import be.fedauth.core.CallbackRequest;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.Identity;
import be.fedauth.core.LoginRequest;
import be.fedauth.core.PendingLogin;
import be.fedauth.core.SessionReference;
import be.fedauth.core.spi.AchievedLevel;
import be.fedauth.oidc.ClientAuthentication;
import be.fedauth.oidc.OidcProvider;
import be.fedauth.oidc.OidcSettings;
import be.fedauth.oidc.internal.ClaimsMapper;
import be.fedauth.oidc.internal.HttpTransport;
import be.fedauth.oidc.internal.IdTokenValidator;
import be.fedauth.oidc.internal.SignatureVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * fedauth's sdk-oidc on canned FAS-shaped tokens, two ways.
 *
 * <p>{@link #validateCallback()}: the validation {@code OidcFlow.finish} does once the token and
 * userinfo responses are in, step by step through sdk-oidc's own internal classes
 * ({@link SignatureVerifier}, {@link IdTokenValidator}, {@link ClaimsMapper}): the ID token signature
 * and claims, the replay key of the ID token, the userinfo JWT signature and its {@code iss},
 * {@code aud} and {@code sub} checks, the level, the identity, roles and mandates and the
 * {@link AuthenticatedUser}. sdk-oidc has no entry point for this without HTTP (the userinfo checks
 * sit inside {@code UserInfoClient.fetch}, after its HTTP call), so those three comparisons and the
 * session values are restated here, as they are written in sdk-oidc.
 *
 * <p>{@link #finishLogin()}: the public {@link OidcProvider#finishLogin} end to end against a loopback
 * server with canned responses (token and userinfo calls over HTTP); {@link #httpOnly()} makes the
 * same two HTTP calls with sdk-oidc's transport and nothing else.
 *
 * <p>The replay cache is a no-op: the same tokens are validated again and again.
 */
final class FedauthOidc implements AutoCloseable {
    private final FasTokens tokens;
    private final CannedOidcServer server;
    private final OidcSettings settings;
    private final SignatureVerifier verifier;
    private final OidcProvider provider;
    private final PendingLogin pending;
    private final CallbackRequest callback;
    private final HttpTransport http;
    private final IdTokenValidator idTokens;

    private FedauthOidc(FasTokens tokens) throws Exception {
        this.tokens = tokens;
        this.server = new CannedOidcServer(tokens);
        Clock clock = Clock.systemUTC();
        URI issuer = URI.create(FasTokens.ISSUER);
        settings = OidcSettings.builder(issuer, FasTokens.CLIENT_ID, URI.create("https://portal.example.be/callback"),
                        ClientAuthentication.clientSecretBasic(FasTokens.CLIENT_SECRET))
                .discovery(false)
                .authorizationEndpoint(URI.create(FasTokens.ISSUER + "/authorize"))
                .tokenEndpoint(server.uri("/token"))
                .userinfoEndpoint(server.uri("/userinfo"))
                .jwksUri(server.uri("/jwks"))
                .allowHttpForLoopback()
                .replayCache((namespace, id, expiresAt) -> { })
                .clock(clock)
                .build();
        http = new HttpTransport(settings.connectTimeout(), settings.readTimeout(), settings.maxResponseBytes());
        verifier = new SignatureVerifier(settings.jwksUri().orElseThrow(), settings.algorithms(), http, clock,
                settings.jwksCacheTtl(), settings.jwksRefetchInterval(), settings.jwksOutageTolerance(),
                settings.readTimeout());
        idTokens = new IdTokenValidator(settings);
        provider = OidcProvider.create(settings);
        String state = "benchmark-state-0123456789abcdefghijklmnopqrstu";
        pending = PendingLogin.builder(settings.providerId(), LoginRequest.builder().build(), state, clock.instant())
                .nonce(FasTokens.NONCE).codeVerifier("benchmark-verifier-0123456789abcdefghijklmnopq").build();
        callback = CallbackRequest.get(Map.of("state", state, "code", "canned-code"));
    }

    static FedauthOidc create(FasTokens tokens) throws Exception {
        return new FedauthOidc(tokens);
    }

    /** The ID token alone: signature and claim checks. */
    JWTClaimsSet validateIdToken() {
        return idTokens.validate(verifier.verify(tokens.idToken, "ID token"), pending.nonce());
    }

    /** An ES256 ID token: signature (Bouncy Castle inside sdk-oidc) and claim checks. */
    JWTClaimsSet validateEs256IdToken() {
        return idTokens.validate(verifier.verify(tokens.es256IdToken, "ID token"), pending.nonce());
    }

    /** What {@code OidcFlow.finish} does after the HTTP calls, in its order. */
    AuthenticatedUser validateCallback() {
        SignedJWT idToken = verifier.verify(tokens.idToken, "ID token");
        JWTClaimsSet claims = idTokens.validate(idToken, pending.nonce());
        Instant expiry = claims.getExpirationTime().toInstant().plus(settings.clockSkew());
        settings.replayCache().markUsed("oidc-id-token", Optional.ofNullable(claims.getJWTID())
                .map(j -> "jti:" + j).orElseGet(() -> sha256(tokens.idToken)), expiry);
        Map<String, Object> all = new HashMap<>(claims.getClaims());
        all.putAll(userInfo(claims.getSubject()));
        // The level comes from the ID token when it states one (FAS: amr), else from userinfo.
        boolean idTokenHasLevel = claims.getClaim("amr") != null || claims.getClaim("acr") != null;
        AchievedLevel level = ClaimsMapper.level(idTokenHasLevel ? claims.getClaims() : all, settings.vocabulary());
        if (pending.minimumLevel().isPresent() && !level.level().isAtLeast(pending.minimumLevel().get())) {
            throw new AuthenticationException(ErrorCode.LEVEL_TOO_LOW, "level too low");
        }
        Identity identity = ClaimsMapper.identity(all, pending.language());
        Instant authTime;
        try {
            authTime = claims.getDateClaim("auth_time").toInstant();
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> session = new HashMap<>();
        session.put("id_token", tokens.idToken);
        session.put("iss", claims.getIssuer());
        session.put("sub", claims.getSubject());
        return new AuthenticatedUser(identity, level.key().orElse(DigitalKey.UNNAMED), level.level(),
                settings.providerId(), authTime,
                ClaimsMapper.roles(all), ClaimsMapper.mandates(all), List.of(),
                new SessionReference(settings.providerId(), session));
    }

    /** The checks of {@code UserInfoClient.fetch} on an {@code application/jwt} answer. */
    private Map<String, Object> userInfo(String expectedSubject) {
        JWTClaimsSet set;
        try {
            set = be.fedauth.oidc.internal.VerifiedClaims.of(verifier.verify(tokens.userInfo, "userinfo"));
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
        if (set.getIssuer() != null && !settings.issuer().toString().equals(set.getIssuer())) {
            throw new AuthenticationException(ErrorCode.ISSUER_MISMATCH, "userinfo issuer");
        }
        List<String> aud = set.getAudience();
        if (aud != null && !aud.isEmpty() && !aud.contains(settings.clientId())) {
            throw new AuthenticationException(ErrorCode.AUDIENCE_MISMATCH, "userinfo audience");
        }
        Map<String, Object> claims = set.getClaims();
        if (!(claims.get("sub") instanceof String s) || !s.equals(expectedSubject)) {
            throw new AuthenticationException(ErrorCode.SUBJECT_MISMATCH, "userinfo sub");
        }
        return claims;
    }

    /** The public API end to end: token and userinfo calls to the loopback server, then validation. */
    AuthenticatedUser finishLogin() {
        return provider.finishLogin(callback, pending);
    }

    /** The two HTTP calls {@link #finishLogin()} makes, with sdk-oidc's transport, and nothing else. */
    int httpOnly() {
        HttpTransport.Response t = http.postForm(settings.tokenEndpoint().orElseThrow(),
                "grant_type=authorization_code&code=canned-code", Map.of("Authorization", "Basic Y2xpZW50OnNlY3JldA=="),
                "token");
        HttpTransport.Response u = http.get(settings.userinfoEndpoint().orElseThrow(),
                Map.of("Authorization", "Bearer canned-access-token-0123456789"), "userinfo");
        return t.body().length() + u.body().length();
    }

    private static String sha256(String value) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
