package be.fedauth.testkit.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import be.fedauth.core.DigitalKey;
import be.fedauth.testkit.FakeFas;
import be.fedauth.testkit.OidcClient;
import be.fedauth.core.SettableClock;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake FAS's OpenID Connect endpoints, through HTTP. */
class OidcEndpointsTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private final SettableClock clock = SettableClock.fixed(NOW);
    private final FakeFas fas = FakeFas.builder().clock(clock).start();
    private final OidcClientDriver rp = new OidcClientDriver(fas);

    @AfterEach
    void stop() {
        fas.close();
    }

    @Test
    void discovery_declaresTheIssuerAndTheFasEndpoints() throws Exception {
        Map<String, Object> doc = JSONObjectUtils.parse(rp.get(URI.create(rp.base() + "/.well-known/openid-configuration"),
                Map.of()).body());

        assertThat(doc).containsEntry("issuer", rp.base()).containsEntry("token_endpoint", rp.base() + "/access_token")
                .containsEntry("jwks_uri", rp.base() + "/connect/jwk_uri")
                .containsEntry("end_session_endpoint", rp.base() + "/connect/endSession");
        assertThat(doc.get("token_endpoint_auth_methods_supported")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).contains("client_secret_basic", "private_key_jwt");
    }

    @Test
    void jwks_listsTheSigningKeyOncePerAlgorithmUnderOneKid() throws Exception {
        JWKSet set = JWKSet.parse(rp.get(URI.create(rp.base() + "/connect/jwk_uri"), Map.of()).body());

        assertThat(set.getKeys()).hasSize(6).allSatisfy(k -> assertThat(k.getKeyID()).isEqualTo(fas.signingKeyId()));
        assertThat(set.getKeys()).extracting(k -> k.getAlgorithm().getName())
                .containsExactlyInAnyOrder("RS256", "RS384", "RS512", "PS256", "PS384", "PS512");
    }

    @Test
    void codeFlow_issuesAnRs256IdTokenWithKidAmrLevelUrnAndAcrZero() throws Exception {
        Map<String, String> callback = rp.authorize("citizen", DigitalKey.ITSME, Map.of());
        SignedJWT idToken = SignedJWT.parse((String) rp.redeemJson(callback.get("code")).get("id_token"));
        JWTClaimsSet claims = idToken.getJWTClaimsSet();

        assertThat(callback).containsEntry("state", "st-1").doesNotContainKey("iss");
        assertThat(idToken.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(idToken.getHeader().getKeyID()).isEqualTo(fas.signingKeyId());
        assertThat(idToken.verify(new RSASSAVerifier((java.security.interfaces.RSAPublicKey)
                fas.signingCertificate().getPublicKey()))).isTrue();
        assertThat(claims.getIssuer()).isEqualTo(rp.base());
        assertThat(claims.getAudience()).containsExactly(OidcClientDriver.CLIENT);
        assertThat(claims.getClaim("amr")).isEqualTo(List.of("urn:be:fedict:iam:fas:Level450", "bmid"));
        assertThat(claims.getClaim("acr")).isEqualTo("0");
        assertThat(claims.getClaim("nonce")).isEqualTo("n-1");
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(NOW.plusSeconds(3600));
    }

    @Test
    void token_theSameCodeTwice_isRefusedTheSecondTime() throws Exception {
        String code = rp.code();
        rp.redeem(code);

        HttpResponse<String> second = rp.redeem(code);

        assertThat(second.statusCode()).isEqualTo(400);
        assertThat(second.body()).contains("invalid_grant");
    }

    @Test
    void token_withAnotherPkceVerifier_isRefused() throws Exception {
        HttpResponse<String> r = rp.token(Map.of("grant_type", "authorization_code", "code", rp.code(),
                "redirect_uri", OidcClientDriver.REDIRECT, "code_verifier", "x".repeat(43)),
                Optional.of(OidcClientDriver.SECRET));

        assertThat(r.body()).contains("invalid_grant");
    }

    @Test
    void token_withAnotherRedirectUri_isRefused() throws Exception {
        HttpResponse<String> r = rp.token(Map.of("grant_type", "authorization_code", "code", rp.code(),
                "redirect_uri", "http://localhost:8080/callback/oidc", "code_verifier", OidcClientDriver.VERIFIER),
                Optional.of(OidcClientDriver.SECRET));

        assertThat(r.body()).contains("invalid_grant");
    }

    @Test
    void token_afterTheCodeExpired_isRefused() throws Exception {
        String code = rp.code();
        clock.advance(Duration.ofMinutes(2));

        assertThat(rp.redeem(code).body()).contains("invalid_grant");
    }

    @Test
    void token_withAWrongSecret_isInvalidClient() throws Exception {
        HttpResponse<String> r = rp.token(Map.of("grant_type", "authorization_code", "code", rp.code(),
                "redirect_uri", OidcClientDriver.REDIRECT, "code_verifier", OidcClientDriver.VERIFIER), Optional.of("wrong"));

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("invalid_client");
    }

    @Test
    void token_withPrivateKeyJwt_isAccepted_andTheSameAssertionIsRefusedTwice() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("c1").generate();
        fas.registerOidcClient(new OidcClient("pk-client", Optional.empty(), List.of(URI.create(OidcClientDriver.REDIRECT)),
                Optional.of(new JWKSet(key.toPublicJWK()).toString())));
        SignedJWT assertion = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("c1").build(),
                new JWTClaimsSet.Builder().issuer("pk-client").subject("pk-client").audience(rp.base() + "/access_token")
                        .expirationTime(Date.from(NOW.plusSeconds(60))).jwtID("j1").build());
        assertion.sign(new RSASSASigner(key));
        Map<String, String> auth = Map.of("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion", assertion.serialize(), "grant_type", "refresh_token", "refresh_token", "none");

        HttpResponse<String> first = rp.token(auth, Optional.empty());
        HttpResponse<String> second = rp.token(auth, Optional.empty());

        assertThat(first.body()).contains("invalid_grant"); // authenticated; the grant itself is unknown
        assertThat(second.statusCode()).isEqualTo(401);
    }

    @Test
    void userinfo_isAJwtSignedLikeTheIdTokenWithFasClaimsByScope() throws Exception {
        Map<String, Object> tokens = rp.redeemJson(rp.code());
        HttpResponse<String> r = rp.get(URI.create(rp.base() + "/userinfo"),
                Map.of("Authorization", "Bearer " + tokens.get("access_token")));
        SignedJWT userinfo = SignedJWT.parse(r.body());
        JWTClaimsSet claims = userinfo.getJWTClaimsSet();

        assertThat(r.headers().firstValue("Content-Type")).contains("application/jwt");
        assertThat(userinfo.getHeader().getKeyID()).isEqualTo(fas.signingKeyId());
        assertThat(claims.getClaim("givenName")).isEqualTo("Alice");
        assertThat(claims.getClaim("surname")).isEqualTo("Peeters");
        assertThat(claims.getClaim("egovNRN")).isEqualTo("85073003328");
        assertThat(claims.getSubject()).isEqualTo(SignedJWT.parse((String) tokens.get("id_token")).getJWTClaimsSet().getSubject());
    }

    @Test
    void userinfo_withoutTheEgovnrnScope_hasNoNationalNumber() throws Exception {
        String code = rp.authorize("citizen", DigitalKey.EID, Map.of("scope", "openid profile")).get("code");
        Map<String, Object> tokens = rp.redeemJson(code);
        JWTClaimsSet claims = SignedJWT.parse(rp.get(URI.create(rp.base() + "/userinfo"),
                Map.of("Authorization", "Bearer " + tokens.get("access_token"))).body()).getJWTClaimsSet();

        assertThat(claims.getClaims()).doesNotContainKey("egovNRN").containsKey("givenName");
    }

    @Test
    void userinfo_withoutAnAccessToken_is401() throws Exception {
        assertThat(rp.get(URI.create(rp.base() + "/userinfo"), Map.of()).statusCode()).isEqualTo(401);
    }

    @Test
    void refresh_issuesANewIdTokenForTheSameSubject_andTheOldRefreshTokenNoLonger() throws Exception {
        Map<String, Object> tokens = rp.redeemJson(rp.code());
        Map<String, String> refresh = Map.of("grant_type", "refresh_token", "refresh_token",
                (String) tokens.get("refresh_token"));

        HttpResponse<String> first = rp.token(refresh, Optional.of(OidcClientDriver.SECRET));
        HttpResponse<String> again = rp.token(refresh, Optional.of(OidcClientDriver.SECRET));

        String sub = SignedJWT.parse((String) JSONObjectUtils.parse(first.body()).get("id_token")).getJWTClaimsSet().getSubject();
        assertThat(sub).isEqualTo(SignedJWT.parse((String) tokens.get("id_token")).getJWTClaimsSet().getSubject());
        assertThat(again.body()).contains("invalid_grant");
    }

    @Test
    void authorize_withAnUnregisteredRedirectUri_showsAnErrorPageAndDoesNotRedirect() throws Exception {
        HttpResponse<String> r = rp.get(URI.create(rp.base() + "/authorize?" + OidcClientDriver.form(Map.of(
                "response_type", "code", "client_id", OidcClientDriver.CLIENT, "scope", "openid",
                "redirect_uri", OidcClientDriver.REDIRECT + "/other"))), Map.of());

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void authorize_withPlainPkce_redirectsInvalidRequest() throws Exception {
        Map<String, String> callback = rp.authorize("citizen", DigitalKey.EID, Map.of("code_challenge_method", "plain"));

        assertThat(callback).containsEntry("error", "invalid_request");
    }

    @Test
    void authorize_withAKeyThePersonDoesNotOwn_redirectsAccessDenied() throws Exception {
        Map<String, String> callback = rp.authorize("citizen", DigitalKey.PASSWORD_MOBILE_APP, Map.of());

        assertThat(callback).containsEntry("error", "access_denied").containsEntry("state", "st-1");
    }

    @Test
    void authorize_belowTheRequestedLevel_redirectsAccessDenied() throws Exception {
        Map<String, String> callback = rp.authorize("citizen", DigitalKey.ITSME,
                Map.of("acr_values", "urn:be:fedict:iam:fas:Level500"));

        assertThat(callback).containsEntry("error", "access_denied");
    }

    @Test
    void issuerQuirk_putsTheHttpPort80IssuerInDiscoveryAndTokens() throws Exception {
        fas.setIssuerQuirk(true);
        String quirk = "http://127.0.0.1:80/fas/oauth2";

        Map<String, Object> doc = JSONObjectUtils.parse(rp.get(URI.create(rp.base() + "/.well-known/openid-configuration"),
                Map.of()).body());
        JWTClaimsSet claims = SignedJWT.parse((String) rp.redeemJson(rp.code()).get("id_token")).getJWTClaimsSet();

        assertThat(doc).containsEntry("issuer", quirk).containsEntry("token_endpoint", rp.base() + "/access_token");
        assertThat(claims.getIssuer()).isEqualTo(quirk);
    }

    @Test
    void endSession_withAnIdTokenHintOfOurs_returnsToTheApplicationWithTheState() throws Exception {
        String idToken = (String) rp.redeemJson(rp.code()).get("id_token");

        HttpResponse<String> r = rp.get(URI.create(rp.base() + "/connect/endSession?" + OidcClientDriver.form(Map.of(
                "id_token_hint", idToken, "post_logout_redirect_uri", "http://127.0.0.1:8080/bye", "state", "s9"))), Map.of());

        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).contains("http://127.0.0.1:8080/bye?state=s9");
    }

    @Test
    void endSession_revokesTheTokensOfThatLogin_soTheFakeKeepsNothingOfIt() throws Exception {
        Map<String, Object> tokens = rp.redeemJson(rp.code());
        String accessToken = (String) tokens.get("access_token");
        assertThat(rp.get(URI.create(rp.base() + "/userinfo"), Map.of("Authorization", "Bearer " + accessToken))
                .statusCode()).isEqualTo(200);

        rp.get(URI.create(rp.base() + "/connect/endSession?" + OidcClientDriver.form(Map.of(
                "id_token_hint", (String) tokens.get("id_token")))), Map.of());

        assertThat(rp.get(URI.create(rp.base() + "/userinfo"), Map.of("Authorization", "Bearer " + accessToken))
                .statusCode()).isEqualTo(401);
    }

    @Test
    void endSession_leavesTheTokensOfAnotherLoginOfTheSamePersonAlone() throws Exception {
        Map<String, Object> mine = rp.redeemJson(rp.code());
        Map<String, Object> other = rp.redeemJson(rp.code());

        rp.get(URI.create(rp.base() + "/connect/endSession?" + OidcClientDriver.form(Map.of(
                "id_token_hint", (String) mine.get("id_token")))), Map.of());

        assertThat(rp.get(URI.create(rp.base() + "/userinfo"), Map.of("Authorization", "Bearer " + other.get("access_token")))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void endSession_withAForeignIdTokenHint_isRefused() throws Exception {
        RSAKey other = new RSAKeyGenerator(2048).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                .audience(OidcClientDriver.CLIENT).build());
        forged.sign(new RSASSASigner(other));

        HttpResponse<String> r = rp.get(URI.create(rp.base() + "/connect/endSession?" + OidcClientDriver.form(Map.of(
                "id_token_hint", forged.serialize(), "post_logout_redirect_uri", "http://127.0.0.1:8080/bye"))), Map.of());

        assertThat(r.statusCode()).isEqualTo(400);
    }

    @Test
    void endSession_toAnUnregisteredOrigin_doesNotRedirect() throws Exception {
        String idToken = (String) rp.redeemJson(rp.code()).get("id_token");

        HttpResponse<String> r = rp.get(URI.create(rp.base() + "/connect/endSession?" + OidcClientDriver.form(Map.of(
                "id_token_hint", idToken, "post_logout_redirect_uri", "https://attacker.example/"))), Map.of());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void introspect_saysAnIssuedAccessTokenIsActive() throws Exception {
        String accessToken = (String) rp.redeemJson(rp.code()).get("access_token");
        java.net.http.HttpRequest req = java.net.http.HttpRequest.newBuilder(URI.create(rp.base() + "/introspect"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (OidcClientDriver.CLIENT + ":" + OidcClientDriver.SECRET).getBytes()))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("token=" + accessToken)).build();

        String body = java.net.http.HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString()).body();

        assertThat(JSONObjectUtils.parse(body)).containsEntry("active", true);
    }

    @Test
    void userinfo_withCertificateInfoAfterAnEidLogin_hasTheCertificateFields() throws Exception {
        String code = rp.authorize("citizen", DigitalKey.EID, Map.of("scope", "openid certificateInfo")).get("code");
        Map<String, Object> tokens = rp.redeemJson(code);
        JWTClaimsSet claims = SignedJWT.parse(rp.get(URI.create(rp.base() + "/userinfo"),
                Map.of("Authorization", "Bearer " + tokens.get("access_token"))).body()).getJWTClaimsSet();

        assertThat(claims.getClaims()).containsEntry("cert_givenname", "Alice").containsEntry("cert_sn", "Peeters")
                .containsKeys("cert_issuer", "cert_subject", "cert_serialnumber", "cert_cn");
    }

    @Test
    void jwks_afterAnEs256AttackAndANormalLogin_isFasOwnAgain() throws Exception {
        fas.queueAttack(be.fedauth.testkit.OidcAttack.ES256_SIGNED);
        rp.redeemJson(rp.code());
        int during = JWKSet.parse(rp.get(URI.create(rp.base() + "/connect/jwk_uri"), Map.of()).body()).getKeys().size();

        rp.redeemJson(rp.code());

        assertThat(during).isEqualTo(7);
        assertThat(JWKSet.parse(rp.get(URI.create(rp.base() + "/connect/jwk_uri"), Map.of()).body()).getKeys()).hasSize(6);
    }
}
