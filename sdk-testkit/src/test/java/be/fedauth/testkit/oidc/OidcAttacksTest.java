package be.fedauth.testkit.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import be.fedauth.core.DigitalKey;
import be.fedauth.testkit.FakeFas;
import be.fedauth.testkit.OidcAttack;
import be.fedauth.core.SettableClock;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every OIDC one-shot attack shows in the response it applies to, once: the next login is normal again. */
class OidcAttacksTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private final FakeFas fas = FakeFas.builder().clock(SettableClock.fixed(NOW)).start();
    private final OidcClientDriver rp = new OidcClientDriver(fas);

    @AfterEach
    void stop() {
        fas.close();
    }

    /** What one full relying-party round trip saw. */
    private record Seen(String kidBefore, String discoveryIssuer, Map<String, String> callback, JWT idToken,
                        String userinfoBody, JWT refreshedIdToken, JWKSet jwks) {
        /** The userinfo JWT (what the fake sends unless an attack makes it plain JSON). */
        SignedJWT userinfo() throws java.text.ParseException {
            return SignedJWT.parse(userinfoBody);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(OidcAttack.class)
    void attack_showsInTheNextResponseItAppliesTo_andOnlyOnce(OidcAttack attack) throws Exception {
        fas.queueAttack(attack);

        Seen attacked = roundTrip();
        Seen normal = roundTrip();

        assertThat(shows(attack, attacked)).as("attacked round trip").isTrue();
        assertThat(shows(attack, normal)).as("next round trip").isFalse();
        assertThat(fas.pendingAttacks()).isEmpty();
    }

    private Seen roundTrip() throws Exception {
        String kidBefore = fas.signingKeyId();
        String issuer = (String) JSONObjectUtils.parse(rp.get(URI.create(rp.base() + "/.well-known/openid-configuration"),
                Map.of()).body()).get("issuer");
        Map<String, String> callback = rp.authorize("citizen", DigitalKey.EID, Map.of());
        Map<String, Object> tokens = rp.redeemJson(callback.get("code"));
        JWKSet jwks = JWKSet.parse(rp.get(URI.create(rp.base() + "/connect/jwk_uri"), Map.of()).body());
        String userinfo = rp.get(URI.create(rp.base() + "/userinfo"),
                Map.of("Authorization", "Bearer " + tokens.get("access_token"))).body();
        Map<String, Object> refreshed = JSONObjectUtils.parse(rp.token(Map.of("grant_type", "refresh_token",
                "refresh_token", (String) tokens.get("refresh_token")), Optional.of(OidcClientDriver.SECRET)).body());
        return new Seen(kidBefore, issuer, callback, JWTParser.parse((String) tokens.get("id_token")), userinfo,
                JWTParser.parse((String) refreshed.get("id_token")), jwks);
    }

    private boolean shows(OidcAttack attack, Seen s) throws Exception {
        JWTClaimsSet c = s.idToken.getJWTClaimsSet();
        SignedJWT signed = s.idToken instanceof SignedJWT j ? j : null;
        String kid = signed == null ? null : signed.getHeader().getKeyID();
        return switch (attack) {
            case BAD_SIGNATURE -> signed != null && kid.equals(s.kidBefore) && !verifiesWithCurrentKey(signed);
            case ALG_NONE -> s.idToken instanceof PlainJWT;
            case HS256_WITH_PUBLIC_KEY -> signed != null && signed.getHeader().getAlgorithm().equals(JWSAlgorithm.HS256)
                    && signed.verify(new MACVerifier(fas.signingCertificate().getPublicKey().getEncoded()));
            case UNKNOWN_KID -> signed != null && s.jwks.getKeyByKeyId(kid) == null && verifiesWithCurrentKey(signed);
            case KID_ABSENT -> signed != null && kid == null && verifiesWithCurrentKey(signed);
            case KEY_ROTATION -> signed != null && !kid.equals(s.kidBefore) && kid.equals(fas.signingKeyId())
                    && verifiesWithCurrentKey(signed) && s.jwks.getKeyByKeyId(s.kidBefore) != null;
            case ES256_SIGNED -> es256(signed, s.jwks, true);
            case ES256_BAD_SIGNATURE -> es256(signed, s.jwks, false);
            case JKU_HEADER -> signed != null && signed.getHeader().getJWKURL() != null && !verifiesWithCurrentKey(signed);
            case X5U_HEADER -> signed != null && signed.getHeader().getX509CertURL() != null && !verifiesWithCurrentKey(signed);
            case JWK_HEADER -> signed != null && signed.getHeader().getJWK() instanceof RSAKey embedded
                    && kid.equals(fas.signingKeyId()) && signed.verify(new RSASSAVerifier(embedded));
            case WRONG_ISSUER -> !rp.base().equals(c.getIssuer());
            case WRONG_AUDIENCE -> c.getAudience().equals(List.of("another-client"));
            case AUDIENCE_MISSING -> c.getAudience().isEmpty();
            case SEVERAL_AUDIENCES_WITHOUT_AZP -> c.getAudience().size() == 2 && c.getClaim("azp") == null;
            case EXTRA_AUDIENCE -> c.getAudience().size() == 2 && OidcClientDriver.CLIENT.equals(c.getClaim("azp"));
            case WRONG_AZP -> "another-client".equals(c.getClaim("azp"));
            case EXPIRED -> c.getExpirationTime().toInstant().isBefore(NOW);
            case IAT_IN_FUTURE -> c.getIssueTime().toInstant().isAfter(NOW);
            case IAT_MISSING -> c.getIssueTime() == null;
            case SUB_MISSING -> c.getSubject() == null;
            case NONCE_MISMATCH -> c.getClaim("nonce") != null && !"n-1".equals(c.getClaim("nonce"));
            case NONCE_MISSING -> c.getClaim("nonce") == null;
            case LEVEL_BELOW_REQUESTED -> List.of("urn:be:fedict:iam:fas:Level200").equals(c.getClaim("amr"));
            case USERINFO_SUB_MISMATCH -> !s.userinfo().getJWTClaimsSet().getSubject().equals(c.getSubject());
            case USERINFO_BAD_SIGNATURE -> !verifiesWithCurrentKey(s.userinfo());
            case USERINFO_AUDIENCE_MISSING -> s.userinfo().getJWTClaimsSet().getAudience().isEmpty()
                    && verifiesWithCurrentKey(s.userinfo());
            case USERINFO_IAT_TOO_OLD -> s.userinfo().getJWTClaimsSet().getIssueTime() != null
                    && s.userinfo().getJWTClaimsSet().getIssueTime().toInstant().isBefore(NOW.minusSeconds(600));
            case USERINFO_PLAIN_JSON_OTHER_IDENTITY -> s.userinfoBody.startsWith("{")
                    && "93051822361".equals(JSONObjectUtils.parse(s.userinfoBody).get("egovNRN"));
            case TYP_AT_JWT -> signed != null && signed.getHeader().getType() != null
                    && "at+jwt".equals(signed.getHeader().getType().getType()) && verifiesWithCurrentKey(signed);
            case KEY_OPS_WITHOUT_VERIFY -> restricted(signed, s.jwks) instanceof RSAKey k && k.getKeyUse() == null
                    && k.getKeyOperations().equals(java.util.Set.of(com.nimbusds.jose.jwk.KeyOperation.SIGN));
            case KEY_USE_ENC -> restricted(signed, s.jwks) instanceof RSAKey k
                    && com.nimbusds.jose.jwk.KeyUse.ENCRYPTION.equals(k.getKeyUse());
            case IAT_TOO_OLD -> c.getIssueTime().toInstant().isBefore(NOW.minusSeconds(600))
                    && c.getExpirationTime().toInstant().isAfter(NOW);
            case JWKS_EMPTY -> s.jwks.getKeys().isEmpty();
            case JWKS_ENCRYPTION_KEYS_ONLY -> !s.jwks.getKeys().isEmpty() && s.jwks.getKeys().stream()
                    .allMatch(k -> com.nimbusds.jose.jwk.KeyUse.ENCRYPTION.equals(k.getKeyUse()));
            case WRONG_ISS_PARAMETER -> s.callback.containsKey("iss") && !rp.base().equals(s.callback.get("iss"));
            case DISCOVERY_WRONG_ISSUER -> !rp.base().equals(s.discoveryIssuer);
            case REFRESH_OTHER_ISSUER -> !rp.base().equals(s.refreshedIdToken.getJWTClaimsSet().getIssuer());
            case REFRESH_OTHER_SUBJECT -> !c.getSubject().equals(s.refreshedIdToken.getJWTClaimsSet().getSubject());
        };
    }

    /** The JWKS entry of a token signed by a key other than the current one, if it verifies the token. */
    private JWK restricted(SignedJWT jwt, JWKSet jwks) throws JOSEException {
        if (jwt == null || jwt.getHeader().getKeyID() == null || jwt.getHeader().getKeyID().equals(fas.signingKeyId())) {
            return null;
        }
        JWK key = jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
        return key instanceof RSAKey rsa && jwt.verify(new RSASSAVerifier(rsa)) ? key : null;
    }

    private boolean verifiesWithCurrentKey(SignedJWT jwt) throws JOSEException {
        return jwt.getHeader().getAlgorithm().equals(JWSAlgorithm.RS256)
                && jwt.verify(new RSASSAVerifier((RSAPublicKey) fas.signingCertificate().getPublicKey()));
    }

    private static boolean es256(SignedJWT jwt, JWKSet jwks, boolean valid) throws JOSEException {
        if (jwt == null || !jwt.getHeader().getAlgorithm().equals(JWSAlgorithm.ES256)) {
            return false;
        }
        JWK key = jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
        return key instanceof ECKey ec && jwt.verify(new ECDSAVerifier(ec)) == valid;
    }
}
