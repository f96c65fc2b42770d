package be.fedauth.testkit.internal.oidc;

import be.fedauth.testkit.OidcAttack;
import be.fedauth.testkit.internal.FakeIdpContext;
import be.fedauth.testkit.internal.KeyMaterial;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Signs what the fake FAS issues, as FAS does: RS256 with the current key's {@code kid}; the JWKS
 * lists each published key once per RSA algorithm under the same {@code kid}. Applies the one-shot
 * signature attacks. Thread-safe.
 */
final class TokenFactory {
    private static final List<JWSAlgorithm> FAS_JWKS_ALGORITHMS = List.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512);

    private final FakeIdpContext context;
    private volatile ECKey ecKey;
    private volatile boolean ecPublished;
    private volatile RSAKey attackerKey;
    private volatile RSAKey restrictedKey;
    private volatile OidcAttack restrictedPublished;

    TokenFactory(FakeIdpContext context) {
        this.context = context;
    }

    /** Signs claims as FAS does, or as the attack says. */
    String sign(JWTClaimsSet claims, Optional<OidcAttack> attack) {
        try {
            if (attack.isEmpty()) {
                return rs256(claims, context.signingKeys().current(), true);
            }
            return switch (attack.get()) {
                case BAD_SIGNATURE, USERINFO_BAD_SIGNATURE -> corrupt(rs256(claims, context.signingKeys().current(), true));
                case ALG_NONE -> new PlainJWT(claims).serialize();
                case HS256_WITH_PUBLIC_KEY -> hs256WithPublicKey(claims);
                case UNKNOWN_KID -> signWith(claims, new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID("unknown-" + context.randomId().substring(0, 8)).build(), context.signingKeys().current());
                case KID_ABSENT -> rs256(claims, context.signingKeys().current(), false);
                case KEY_ROTATION -> rs256(claims, context.rotateSigningKey(), true);
                case ES256_SIGNED -> es256(claims);
                case ES256_BAD_SIGNATURE -> corrupt(es256(claims));
                case JKU_HEADER -> attacker(claims, b -> b.jwkURL(context.url("/attacker/jwks")));
                case X5U_HEADER -> attacker(claims, b -> b.x509CertURL(context.url("/attacker/cert.pem")));
                case JWK_HEADER -> attacker(claims, b -> b.jwk(attackerKey().toPublicJWK()));
                case TYP_AT_JWT -> signWith(claims, new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .type(new JOSEObjectType("at+jwt")).keyID(context.signingKeys().current().kid()).build(),
                        context.signingKeys().current());
                case KEY_OPS_WITHOUT_VERIFY, KEY_USE_ENC -> restricted(claims, attack.get());
                default -> rs256(claims, context.signingKeys().current(), true);
            };
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign", e);
        }
    }

    /**
     * An ID token signed as FAS does was issued: the EC key of an ES256 attack leaves the JWKS again, so
     * the JWKS is FAS's own between attacks (and after a reset of a shared fake).
     */
    void normalIdTokenIssued() {
        ecPublished = false;
        restrictedPublished = null;
    }

    /**
     * The JWKS: every published RSA key once per RSA algorithm under its kid, plus the EC key of an ES256
     * attack and the restricted key of a key_ops or use attack; or what a JWKS attack makes of it.
     */
    String jwks(Optional<OidcAttack> attack) {
        List<Object> keys = new ArrayList<>();
        if (attack.filter(a -> a == OidcAttack.JWKS_EMPTY).isPresent()) {
            return JSONObjectUtils.toJSONString(Map.of("keys", keys));
        }
        KeyUse use = attack.filter(a -> a == OidcAttack.JWKS_ENCRYPTION_KEYS_ONLY).isPresent()
                ? KeyUse.ENCRYPTION : KeyUse.SIGNATURE;
        for (KeyMaterial key : context.signingKeys().published()) {
            for (JWSAlgorithm alg : FAS_JWKS_ALGORITHMS) {
                keys.add(new RSAKey.Builder(key.publicKey()).keyID(key.kid()).keyUse(use).algorithm(alg)
                        .build().toJSONObject());
            }
        }
        if (ecPublished) {
            keys.add(ecKey().toPublicJWK().toJSONObject());
        }
        OidcAttack restriction = restrictedPublished;
        if (restriction != null) {
            RSAKey.Builder b = new RSAKey.Builder(restrictedKey().toPublicJWK()).algorithm(JWSAlgorithm.RS256);
            if (restriction == OidcAttack.KEY_USE_ENC) {
                b.keyUse(KeyUse.ENCRYPTION);
            } else {
                b.keyOperations(java.util.Set.of(com.nimbusds.jose.jwk.KeyOperation.SIGN));
            }
            keys.add(b.build().toJSONObject());
        }
        return JSONObjectUtils.toJSONString(Map.of("keys", keys));
    }

    /** Signs with the restricted key, published from now on with use enc or key_ops without verify. */
    private String restricted(JWTClaimsSet claims, OidcAttack attack) throws JOSEException {
        RSAKey key = restrictedKey();
        restrictedPublished = attack;
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private synchronized RSAKey restrictedKey() {
        if (restrictedKey == null) {
            try {
                restrictedKey = new RSAKeyGenerator(2048).keyID("fake-fas-restricted-" + context.randomId().substring(0, 8))
                        .generate();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
        return restrictedKey;
    }

    private String rs256(JWTClaimsSet claims, KeyMaterial key, boolean withKid) throws JOSEException {
        JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT);
        if (withKid) {
            header.keyID(key.kid());
        }
        return signWith(claims, header.build(), key);
    }

    private static String signWith(JWTClaimsSet claims, JWSHeader header, KeyMaterial key) throws JOSEException {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(new RSASSASigner(key.privateKey()));
        return jwt.serialize();
    }

    private String hs256WithPublicKey(JWTClaimsSet claims) throws JOSEException {
        KeyMaterial key = context.signingKeys().current();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.kid()).build(), claims);
        jwt.sign(new MACSigner(key.publicKey().getEncoded()));
        return jwt.serialize();
    }

    private String es256(JWTClaimsSet claims) throws JOSEException {
        ECKey key = ecKey();
        ecPublished = true;
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
        JWSSigner signer = new ECDSASigner(key);
        jwt.sign(signer);
        return jwt.serialize();
    }

    private String attacker(JWTClaimsSet claims, java.util.function.Consumer<JWSHeader.Builder> extra)
            throws JOSEException {
        RSAKey key = attackerKey();
        JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(context.signingKeys().current().kid());
        extra.accept(header);
        SignedJWT jwt = new SignedJWT(header.build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /** The attacker's public JWKS, served at {@code /attacker/jwks} so a careless relying party could fetch it. */
    String attackerJwks() {
        return JSONObjectUtils.toJSONString(Map.of("keys", List.of(attackerKey().toPublicJWK().toJSONObject())));
    }

    private synchronized ECKey ecKey() {
        if (ecKey == null) {
            try {
                ecKey = new ECKeyGenerator(Curve.P_256).keyID("fake-fas-ec-" + context.randomId().substring(0, 8))
                        .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256).generate();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
        return ecKey;
    }

    private synchronized RSAKey attackerKey() {
        if (attackerKey == null) {
            try {
                attackerKey = new RSAKeyGenerator(2048).keyID("attacker").generate();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
        return attackerKey;
    }

    /** Flips one bit in the middle of the signature: still well-formed, no longer valid. */
    private static String corrupt(String compact) {
        int dot = compact.lastIndexOf('.');
        byte[] sig = new Base64URL(compact.substring(dot + 1)).decode();
        sig[sig.length / 2] ^= 0x01;
        return compact.substring(0, dot + 1) + Base64URL.encode(sig);
    }

    /** Whether a compact JWT was signed by one of the published RSA keys (endSession's id_token_hint). */
    boolean issuedHere(String compact) {
        try {
            SignedJWT jwt = SignedJWT.parse(compact);
            for (KeyMaterial key : context.signingKeys().published()) {
                if (jwt.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(key.publicKey()))) {
                    return true;
                }
            }
            return false;
        } catch (java.text.ParseException | JOSEException | RuntimeException e) {
            return false;
        }
    }
}
