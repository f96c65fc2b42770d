package be.fedauth.oidc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import be.fedauth.core.AuthenticatedUser;
import be.fedauth.core.CallbackRequest;
import be.fedauth.core.LoginRedirect;
import be.fedauth.core.LoginRequest;
import be.fedauth.core.PendingLogin;
import be.fedauth.core.SettableClock;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A minimal OpenID provider on WireMock whose answers each test writes: its own RSA key and JWKS, a
 * token endpoint answering one ID token with the claims given, a userinfo endpoint answering plain
 * JSON or a signed JWT. For shapes the fake FAS never sends (an ID token without a level).
 */
final class CannedIdp implements AutoCloseable {
    static final String CLIENT_ID = "canned-client";
    static final String SUBJECT = "canned-user-1";

    final SettableClock clock = SettableClock.fixed(FakeFasFixture.START);
    private final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private final RSAKey key;

    CannedIdp() throws JOSEException {
        key = new RSAKeyGenerator(2048).keyID("canned-1").generate();
        server.start();
        server.stubFor(get("/jwks").willReturn(okJson(new JWKSet(key.toPublicJWK()).toString())));
    }

    URI issuer() {
        return uri("/idp");
    }

    OidcProvider provider() {
        return OidcProvider.create(OidcSettings.builder(issuer(), CLIENT_ID, FakeFasFixture.REDIRECT,
                        ClientAuthentication.clientSecretBasic("canned-secret"))
                .discovery(false).authorizationEndpoint(uri("/authorize")).tokenEndpoint(uri("/token"))
                .userinfoEndpoint(uri("/userinfo")).jwksUri(uri("/jwks")).allowHttpForLoopback().clock(clock).build());
    }

    /** Userinfo answers these claims (and {@code sub}) as plain JSON. */
    void userinfoJson(Map<String, Object> claims) {
        Map<String, Object> all = new LinkedHashMap<>(claims);
        all.put("sub", SUBJECT);
        server.stubFor(get("/userinfo").willReturn(okJson(JSONObjectUtils.toJSONString(all))));
    }

    /** Userinfo answers these claims (and {@code sub}, {@code iss}, {@code aud}) as a signed JWT. */
    void userinfoJwt(Map<String, Object> claims) throws JOSEException {
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().subject(SUBJECT).issuer(issuer().toString()).audience(CLIENT_ID);
        claims.forEach(b::claim);
        server.stubFor(get("/userinfo").willReturn(aResponse().withHeader("Content-Type", "application/jwt")
                .withBody(sign(b.build()))));
    }

    /** Starts a login, lets the token endpoint answer an ID token with these extra claims, and finishes it. */
    AuthenticatedUser login(OidcProvider provider, Map<String, Object> idTokenClaims) throws JOSEException {
        LoginRedirect r = provider.startLogin(LoginRequest.builder().build());
        PendingLogin pending = r.pendingLogin();
        Instant now = clock.instant();
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().issuer(issuer().toString()).audience(CLIENT_ID)
                .subject(SUBJECT).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600)))
                .claim("nonce", pending.nonce().orElseThrow());
        idTokenClaims.forEach(b::claim);
        server.stubFor(post("/token").willReturn(okJson(JSONObjectUtils.toJSONString(Map.of("access_token",
                "canned-access-token", "token_type", "Bearer", "id_token", sign(b.build()))))));
        return provider.finishLogin(CallbackRequest.get(Map.of("state", pending.state(), "code", "canned-code")), pending);
    }

    private String sign(JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private URI uri(String path) {
        return URI.create(server.baseUrl() + path);
    }

    @Override
    public void close() {
        server.stop();
    }
}
