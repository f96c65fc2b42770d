package be.fedauth.benchmarks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Tokens shaped like BOSA FAS's (fas-reference.md): an RS256 ID token with ForgeRock claims, the
 * level in {@code amr} and {@code acr} "0", and a signed userinfo JWT with the FAS claims. The JWKS
 * lists the signing key once per RSA algorithm under one {@code kid}, as FAS does, after
 * {@code extraKeys} other keys (so that key selection has to look past them).
 */
final class FasTokens {
    static final String ISSUER = "https://idp.iamfas.int.belgium.be/fas/oauth2";
    static final String CLIENT_ID = "customs-portal";
    static final String CLIENT_SECRET = "benchmark-client-secret-0123456789abcdef";
    static final String NONCE = "n-0S6_WzA2Mj-benchmark-nonce-value-0123456";
    static final String SUBJECT = "0f2e4d6c8b0a1f3e5d7c9b1a3f5e7d9c1b3a5f7e";
    static final String NRN = "85073003328";

    final RSAKey rsaKey;
    final ECKey ecKey;
    final String idToken;
    final String userInfo;
    final String es256IdToken;
    final JWKSet jwks;

    private FasTokens(RSAKey rsaKey, ECKey ecKey, String idToken, String userInfo, String es256IdToken, JWKSet jwks) {
        this.rsaKey = rsaKey;
        this.ecKey = ecKey;
        this.idToken = idToken;
        this.userInfo = userInfo;
        this.es256IdToken = es256IdToken;
        this.jwks = jwks;
    }

    /** Mints the tokens, issued now and valid one hour, and a FAS-like JWKS with {@code extraKeys} keys before ours. */
    static FasTokens mint(int extraKeys) {
        try {
            RSAKey rsa = new RSAKeyGenerator(2048).keyID("fas-signing-1").generate();
            ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("fas-ec-1").keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256).generate();
            Instant now = Instant.now();
            String id = sign(idTokenClaims(now), rsa, JWSAlgorithm.RS256);
            String ui = sign(userInfoClaims(now), rsa, JWSAlgorithm.RS256);
            String esId = sign(idTokenClaims(now), ec, JWSAlgorithm.ES256);

            List<JWK> keys = new ArrayList<>();
            if (extraKeys > 0) {
                // Key material is irrelevant to lookup cost (kid is compared first): one extra key, many kids.
                RSAKey other = new RSAKeyGenerator(2048).generate();
                for (int i = 0; i < extraKeys; i++) {
                    keys.add(new RSAKey.Builder(other.toRSAPublicKey()).keyID("other-" + i).keyUse(KeyUse.SIGNATURE)
                            .algorithm(JWSAlgorithm.RS256).build());
                }
            }
            for (JWSAlgorithm alg : List.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
                    JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512)) {
                keys.add(new RSAKey.Builder(rsa.toRSAPublicKey()).keyID(rsa.getKeyID()).keyUse(KeyUse.SIGNATURE)
                        .algorithm(alg).build());
            }
            keys.add(ec.toPublicJWK());
            return new FasTokens(rsa, ec, id, ui, esId, new JWKSet(keys));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static JWTClaimsSet idTokenClaims(Instant now) {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(SUBJECT)
                .audience(CLIENT_ID)
                .claim("azp", CLIENT_ID)
                .expirationTime(Date.from(now.plusSeconds(3600)))
                .issueTime(Date.from(now))
                .claim("auth_time", now.getEpochSecond())
                .claim("nonce", NONCE)
                .claim("acr", "0")
                .claim("amr", List.of("urn:be:fedict:iam:fas:Level500"))
                .claim("at_hash", "77QmUPtjPfzWtF2AnpK9RQ")
                .claim("c_hash", "LDktKdoQak3Pk0cnXxCltA")
                .claim("s_hash", "aSoZMDYDeKS9kNVe08L0ug")
                .claim("realm", "/")
                .claim("tokenName", "id_token")
                .claim("tokenType", "JWTToken")
                .claim("auditTrackingId", UUID.randomUUID() + "-123456")
                .claim("org.forgerock.openidconnect.ops", "mq3pGc2LhL9qNmHyvhrVrYtEwQc")
                .build();
    }

    static JWTClaimsSet userInfoClaims(Instant now) {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(SUBJECT)
                .audience(CLIENT_ID)
                .issueTime(Date.from(now))
                .claim("egovNRN", NRN)
                .claim("givenName", "Marie")
                .claim("surname", "Dupont")
                .claim("prefLanguage", "fr")
                .claim("mail", "marie.dupont@example.be")
                .claim("fedid", SUBJECT)
                .claim("roles", List.of("EMCS|0123456749|EMCS|2024-01-01T00:00:00Z|",
                        "PLDA|0123456749|Douane et Accises Paperless|2024-01-01T00:00:00Z|"))
                .claim("cert_issuer", "CN=Citizen CA, SERIALNUMBER=202301, C=BE")
                .claim("cert_subject", "CN=Marie Dupont (Authentication), C=BE, SURNAME=Dupont, GIVENNAME=Marie,"
                        + " SERIALNUMBER=" + NRN)
                .claim("cert_serialnumber", "10000000000000001234567890abcdef")
                .claim("cert_cn", "Marie Dupont (Authentication)")
                .claim("cert_givenname", "Marie")
                .claim("cert_sn", "Dupont")
                .build();
    }

    static String sign(JWTClaimsSet claims, JWK key, JWSAlgorithm alg) throws JOSEException {
        JWSHeader header = new JWSHeader.Builder(alg).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        if (key instanceof RSAKey rsa) {
            jwt.sign(new RSASSASigner(rsa));
        } else {
            jwt.sign(new ECDSASigner((ECKey) key));
        }
        return jwt.serialize();
    }
}
