package be.fedauth.oidc.internal;

import be.fedauth.core.SettableClock;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.fedauth.core.ErrorCode;
import be.fedauth.core.FedAuthException;
import be.fedauth.core.IdpUnavailableException;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Key selection and the JWKS cache, against a JWKS served by WireMock on loopback. */
class SignatureVerifierTest {
    private static RSAKey k1;
    private static RSAKey k2;
    private static ECKey ec;
    private final SettableClock clock = SettableClock.fixed(Instant.parse("2026-03-02T09:00:00Z"));
    private WireMockServer server;
    private SignatureVerifier verifier;

    @BeforeAll
    static void keys() throws Exception {
        k1 = new RSAKeyGenerator(2048).keyID("k1").generate();
        k2 = new RSAKeyGenerator(2048).keyID("k2").generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec1").generate();
    }

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        HttpTransport http = new HttpTransport(Duration.ofSeconds(2), Duration.ofSeconds(2), 64 * 1024);
        verifier = new SignatureVerifier(URI.create(server.baseUrl() + "/jwks"), Set.of("RS256", "PS256", "ES256"), http,
                clock, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofHours(4), Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private void serve(List<JWK> keys) {
        server.stubFor(get("/jwks").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(new JWKSet(keys).toString(true))));
    }

    /** The key once per algorithm under one kid, as FAS publishes it. */
    private static List<JWK> fasStyle(RSAKey... keys) throws Exception {
        List<JWK> out = new ArrayList<>();
        for (RSAKey key : keys) {
            for (JWSAlgorithm alg : List.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
                    JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512)) {
                out.add(new RSAKey.Builder(key.toRSAPublicKey()).keyID(key.getKeyID()).keyUse(KeyUse.SIGNATURE)
                        .algorithm(alg).build());
            }
        }
        return out;
    }

    private static String rs(RSAKey key, JWSAlgorithm alg, boolean withKid) throws Exception {
        JWSHeader.Builder h = new JWSHeader.Builder(alg);
        if (withKid) {
            h.keyID(key.getKeyID());
        }
        SignedJWT jwt = new SignedJWT(h.build(), new JWTClaimsSet.Builder().subject("s").build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static ErrorCode codeOf(Throwable e) {
        return ((FedAuthException) e).code();
    }

    @Test
    void verify_withTheKeyListedOncePerAlgorithmUnderOneKid_succeedsForRs256AndPs256() throws Exception {
        serve(fasStyle(k1));

        assertThat(verifier.verify(rs(k1, JWSAlgorithm.RS256, true), "ID token").getJWTClaimsSet().getSubject()).isEqualTo("s");
        assertThat(verifier.verify(rs(k1, JWSAlgorithm.PS256, true), "ID token").getJWTClaimsSet().getSubject()).isEqualTo("s");
    }

    @Test
    void verify_twice_fetchesTheJwksOnce() throws Exception {
        serve(fasStyle(k1));

        verifier.verify(rs(k1, JWSAlgorithm.RS256, true), "ID token");
        verifier.verify(rs(k1, JWSAlgorithm.RS256, true), "ID token");

        server.verify(1, getRequestedFor(urlEqualTo("/jwks")));
    }

    @Test
    void verify_unknownKid_refetchesAndFindsTheRotatedKey() throws Exception {
        serve(fasStyle(k1));
        verifier.verify(rs(k1, JWSAlgorithm.RS256, true), "ID token");
        serve(fasStyle(k2, k1));

        verifier.verify(rs(k2, JWSAlgorithm.RS256, true), "ID token");

        server.verify(2, getRequestedFor(urlEqualTo("/jwks")));
    }

    @Test
    void verify_manyUnknownKids_areRateLimited() throws Exception {
        serve(fasStyle(k1));
        verifier.verify(rs(k1, JWSAlgorithm.RS256, true), "ID token");
        for (int i = 0; i < 5; i++) {
            String token = rs(new RSAKeyGenerator(2048).keyID("other-" + i).generate(), JWSAlgorithm.RS256, true);
            assertThatThrownBy(() -> verifier.verify(token, "ID token")).extracting(SignatureVerifierTest::codeOf)
                    .isEqualTo(ErrorCode.INVALID_SIGNATURE);
        }

        assertThat(server.countRequestsMatching(getRequestedFor(urlEqualTo("/jwks")).build()).getCount()).isLessThanOrEqualTo(3);
    }

    @Test
    void verify_whileTheJwksEndpointIsDown_usesTheLastJwksWithinTheOutageTolerance() throws Exception {
        serve(fasStyle(k1));
        verifier.verify(rs(k1, JWSAlgorithm.RS256, true), "ID token");
        server.stubFor(get("/jwks").willReturn(aResponse().withStatus(503)));
        clock.advance(Duration.ofMinutes(20));

        assertThat(verifier.verify(rs(k1, JWSAlgorithm.RS256, true), "ID token")).isNotNull();
    }

    @Test
    void verify_withTheJwksEndpointDownAndNothingCached_failsWithIdpUnavailable() throws Exception {
        server.stubFor(get("/jwks").willReturn(aResponse().withStatus(503)));
        String token = rs(k1, JWSAlgorithm.RS256, true);

        assertThatThrownBy(() -> verifier.verify(token, "ID token")).isInstanceOf(IdpUnavailableException.class)
                .extracting(SignatureVerifierTest::codeOf).isEqualTo(ErrorCode.IDP_UNAVAILABLE);
    }

    @Test
    void verify_withoutKidAndOneKeyPublished_succeeds() throws Exception {
        serve(fasStyle(k1));

        assertThat(verifier.verify(rs(k1, JWSAlgorithm.RS256, false), "ID token")).isNotNull();
    }

    @Test
    void verify_withoutKidAndTwoKeysPublished_failsWithInvalidSignature() throws Exception {
        serve(fasStyle(k1, k2));
        String token = rs(k1, JWSAlgorithm.RS256, false);

        assertThatThrownBy(() -> verifier.verify(token, "ID token")).extracting(SignatureVerifierTest::codeOf)
                .isEqualTo(ErrorCode.INVALID_SIGNATURE);
    }

    @Test
    void verify_es256_succeeds() throws Exception {
        serve(List.of(ec.toPublicJWK()));
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("ec1").build(),
                new JWTClaimsSet.Builder().subject("s").build());
        jwt.sign(new ECDSASigner(ec));

        assertThat(verifier.verify(jwt.serialize(), "ID token")).isNotNull();
    }

    @Test
    void verify_rs384NotAllowed_failsWithUnsupportedAlgorithm() throws Exception {
        serve(fasStyle(k1));
        String token = rs(k1, JWSAlgorithm.RS384, true);

        assertThatThrownBy(() -> verifier.verify(token, "ID token")).extracting(SignatureVerifierTest::codeOf)
                .isEqualTo(ErrorCode.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void verify_withAnRsaKeyBelow2048Bits_failsWithInvalidSignature() throws Exception {
        RSAKey weak = new RSAKeyGenerator(1024, true).keyID("weak").generate();
        serve(List.of(weak.toPublicJWK()));
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("weak").build(),
                new JWTClaimsSet.Builder().subject("s").build());
        jwt.sign(new RSASSASigner(weak.toPrivateKey(), java.util.Set.of(com.nimbusds.jose.crypto.opts.AllowWeakRSAKey.getInstance())));
        String token = jwt.serialize();

        assertThatThrownBy(() -> verifier.verify(token, "ID token")).extracting(SignatureVerifierTest::codeOf)
                .isEqualTo(ErrorCode.INVALID_SIGNATURE);
    }

    @Test
    void verify_notAJwt_failsWithMalformedResponse() {
        assertThatThrownBy(() -> verifier.verify("not-a-jwt", "ID token")).extracting(SignatureVerifierTest::codeOf)
                .isEqualTo(ErrorCode.MALFORMED_RESPONSE);
    }

    @Test
    void verify_withAJwksAboveTheSizeLimit_failsWithIdpInvalidResponse() throws Exception {
        server.stubFor(get("/jwks").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"keys\":[],\"padding\":\"" + "x".repeat(70 * 1024) + "\"}")));
        String token = rs(k1, JWSAlgorithm.RS256, true);

        assertThatThrownBy(() -> verifier.verify(token, "ID token")).extracting(SignatureVerifierTest::codeOf)
                .isEqualTo(ErrorCode.IDP_INVALID_RESPONSE);
    }
}
