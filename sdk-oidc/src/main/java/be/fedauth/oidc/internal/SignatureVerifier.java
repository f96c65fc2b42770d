package be.fedauth.oidc.internal;

import be.fedauth.core.AuthenticationException;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.IdpUnavailableException;
import be.fedauth.core.ProviderId;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.security.Provider;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Checks the signature of a JWT from the identity provider against its JWKS.
 *
 * <p>Verified: the algorithm is in the allow-list ({@code none}, HMAC and encrypted JWTs are refused
 * before any key is looked at, RFC 8725 3.1 and 3.2); the key comes only from the configured JWKS
 * (header {@code jku}, {@code x5u}, {@code jwk} and {@code x5c} are ignored); it is chosen by
 * {@code kid}, algorithm and key type, tolerating the same key listed once per algorithm under one
 * {@code kid} (FAS); a key published with a {@code use} other than {@code sig} or with
 * {@code key_ops} without {@code verify} (RFC 7517 4.2, 4.3) is never used; an unknown {@code kid}
 * triggers a rate-limited refetch, and when that refetch fails the error is {@code idp_unavailable}
 * (the key may be a new one), not {@code invalid_signature}; a token without {@code kid} is accepted
 * only when the JWKS holds exactly one usable key.
 *
 * <p>The JWKS comes through {@link JwksCache} (cache, rate limit, outage tolerance, a set without
 * usable keys never replacing a good one), read with the injected clock. Verifiers are cached per key
 * so that a public key is converted once. ES* verification uses Bouncy Castle's provider (about five
 * times faster than the JDK's). Thread-safe.
 */
public final class SignatureVerifier {
    private static final Provider BC = new BouncyCastleProvider();

    private final Set<JWSAlgorithm> allowed;
    private final JwksCache jwks;
    private final ConcurrentHashMap<String, CachedVerifier> verifiers = new ConcurrentHashMap<>();

    /** The key chosen from one JWKS instance for one (algorithm, kid), and its verifier. */
    private record CachedVerifier(JWKSet set, JWK jwk, JWSVerifier verifier) {
    }

    /**
     * A verifier for the JWKS at {@code jwksUri}; {@code fetchTimeout} is the longest a JWKS fetch
     * takes (the transport's connect plus read timeout), which other threads wait for a refresh.
     */
    public SignatureVerifier(URI jwksUri, Set<String> algorithms, HttpTransport http, Clock clock, Duration cacheTtl,
                             Duration refetchInterval, Duration outageTolerance, Duration fetchTimeout) {
        this(jwksUri, algorithms, http, clock, cacheTtl, refetchInterval, outageTolerance, fetchTimeout,
                ProviderId.of("oidc"));
    }

    /** As the other constructor, naming the provider in log lines. */
    public SignatureVerifier(URI jwksUri, Set<String> algorithms, HttpTransport http, Clock clock, Duration cacheTtl,
                             Duration refetchInterval, Duration outageTolerance, Duration fetchTimeout,
                             ProviderId provider) {
        List<JWSAlgorithm> algs = new ArrayList<>();
        algorithms.forEach(a -> algs.add(JWSAlgorithm.parse(a)));
        this.allowed = Set.copyOf(algs);
        this.jwks = new JwksCache(jwksUri, http, clock, cacheTtl, refetchInterval, outageTolerance, fetchTimeout,
                SignatureVerifier::mayVerify, provider);
    }

    /**
     * Parses a compact JWT and checks its signature.
     *
     * @throws AuthenticationException {@code malformed_response}, {@code unsupported_algorithm},
     *     {@code invalid_signature}
     * @throws IdpUnavailableException when the JWKS cannot be fetched and none is cached
     */
    public SignedJWT verify(String compact, String what) {
        return verify(compact, what, false);
    }

    /**
     * As {@link #verify(String, String)}; with {@code cutShortIsIdpFailure}, a body that is not a whole
     * JWT (cut JSON, a missing part, a signature of the wrong length for the key) is what a response cut
     * short in transit looks like and fails with {@link IdpUnavailableException} {@code idp_invalid_response}
     * (userinfo, read straight from the identity provider; an ID token stays {@code malformed_response}).
     */
    public SignedJWT verify(String compact, String what, boolean cutShortIsIdpFailure) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(compact);
        } catch (ParseException e) {
            if (cutShortIsIdpFailure) {
                throw new IdpUnavailableException(ErrorCode.IDP_INVALID_RESPONSE, "the " + what
                        + " response is not a whole JWT (cut short?)", e);
            }
            throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE, "the " + what + " is not a JWT", e);
        }
        if (!(jwt instanceof SignedJWT signed)) {
            // PlainJWT (alg none) or EncryptedJWT.
            throw new AuthenticationException(ErrorCode.UNSUPPORTED_ALGORITHM, "the " + what + " is not signed");
        }
        JWSHeader header = signed.getHeader();
        JWSAlgorithm alg = header.getAlgorithm();
        if (!allowed.contains(alg)) {
            throw new AuthenticationException(ErrorCode.UNSUPPORTED_ALGORITHM,
                    "the " + what + " is signed with " + alg + ", which is not allowed");
        }
        CachedVerifier chosen = verifierFor(header, what);
        if (cutShortIsIdpFailure && !signatureLengthFits(signed, chosen.jwk)) {
            throw new IdpUnavailableException(ErrorCode.IDP_INVALID_RESPONSE, "the " + what
                    + " signature has the wrong length for its key (cut short?)");
        }
        JWSVerifier verifier = chosen.verifier;
        boolean valid;
        try {
            valid = signed.verify(verifier);
        } catch (JOSEException e) {
            throw new AuthenticationException(ErrorCode.INVALID_SIGNATURE, "the " + what + " signature cannot be checked", e);
        }
        if (!valid) {
            throw new AuthenticationException(ErrorCode.INVALID_SIGNATURE, "the " + what + " signature is invalid");
        }
        return signed;
    }

    private CachedVerifier verifierFor(JWSHeader header, String what) {
        JWKSet set = jwks.current();
        String cacheKey = header.getAlgorithm().getName() + '\u0000' + (header.getKeyID() == null ? "" : header.getKeyID());
        CachedVerifier cached = verifiers.get(cacheKey);
        if (cached != null && cached.set == set) {
            return cached; // Same JWKS instance: same choice, no selection or key conversion.
        }
        JWK key = select(set, header);
        if (key == null && header.getKeyID() != null) {
            // Unknown kid: maybe a rotation; refetch (rate-limited) once (OIDC Core 10.1.1). A failed
            // refetch throws idp_unavailable: the key may well be new, so this is no bad signature.
            set = jwks.refetch(set);
            key = select(set, header);
        }
        if (key == null) {
            throw new AuthenticationException(ErrorCode.INVALID_SIGNATURE, header.getKeyID() == null
                    ? "the " + what + " has no kid and the JWKS has no single key for " + header.getAlgorithm()
                    : "no key in the JWKS matches the " + what + "'s kid and algorithm (or it may not verify)");
        }
        JWSVerifier verifier = cached != null && sameMaterial(cached.jwk, key) ? cached.verifier : newVerifier(key);
        CachedVerifier chosen = new CachedVerifier(set, key, verifier);
        verifiers.put(cacheKey, chosen);
        return chosen;
    }

    /**
     * Whether a JWKS entry may verify signatures at all: a public RSA or EC key whose {@code use}, when
     * present, is {@code sig} and whose {@code key_ops}, when present, include {@code verify}.
     */
    static boolean mayVerify(JWK jwk) {
        if (!(jwk instanceof RSAKey || jwk instanceof ECKey) || jwk.isPrivate()) {
            return false;
        }
        if (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse())) {
            return false;
        }
        return jwk.getKeyOperations() == null || jwk.getKeyOperations().contains(KeyOperation.VERIFY);
    }

    /** RFC 7518 3.3, 3.4: an RSA signature is as long as the modulus; an ECDSA one twice the coordinate size. */
    private static boolean signatureLengthFits(SignedJWT jwt, JWK key) {
        int length = jwt.getSignature().decode().length;
        if (key instanceof RSAKey rsa) {
            return length == (rsa.size() + 7) / 8;
        }
        if (key instanceof ECKey ec) {
            return length == 2 * ((ec.getCurve().toECParameterSpec().getCurve().getField().getFieldSize() + 7) / 8);
        }
        return true;
    }

    /**
     * The one key for this header. Keys listed under one kid once per algorithm (FAS) collapse to the
     * entry for the header's algorithm, or to the kid's single key material.
     */
    private static JWK select(JWKSet set, JWSHeader header) {
        JWSAlgorithm alg = header.getAlgorithm();
        String kid = header.getKeyID();
        List<JWK> candidates = new ArrayList<>();
        for (JWK jwk : set.getKeys()) {
            if (kid != null && !kid.equals(jwk.getKeyID())) {
                continue;
            }
            if (!mayVerify(jwk)) {
                continue;
            }
            if (jwk.getAlgorithm() != null && !jwk.getAlgorithm().equals(alg)) {
                continue;
            }
            if (!typeFits(jwk, alg) || jwk.isPrivate()) {
                continue;
            }
            candidates.add(jwk);
        }
        if (candidates.isEmpty()) {
            return null;
        }
        JWK first = candidates.get(0);
        for (JWK other : candidates) {
            if (!sameMaterial(first, other)) {
                return null; // Several distinct keys fit: refuse rather than guess.
            }
        }
        return first;
    }

    private static boolean typeFits(JWK jwk, JWSAlgorithm alg) {
        if (JWSAlgorithm.Family.RSA.contains(alg)) {
            // RFC 7518 3.3: RSA keys of 2048 bits or more.
            return jwk instanceof RSAKey rsa && rsa.size() >= 2048;
        }
        if (JWSAlgorithm.Family.EC.contains(alg)) {
            return jwk instanceof ECKey ec && com.nimbusds.jose.jwk.Curve.forJWSAlgorithm(alg).contains(ec.getCurve());
        }
        return false;
    }

    private static boolean sameMaterial(JWK a, JWK b) {
        if (a instanceof RSAKey ra && b instanceof RSAKey rb) {
            return ra.getModulus().equals(rb.getModulus()) && ra.getPublicExponent().equals(rb.getPublicExponent());
        }
        if (a instanceof ECKey ea && b instanceof ECKey eb) {
            return ea.getCurve().equals(eb.getCurve()) && ea.getX().equals(eb.getX()) && ea.getY().equals(eb.getY());
        }
        return false;
    }

    private static JWSVerifier newVerifier(JWK key) {
        try {
            if (key instanceof RSAKey rsa) {
                return new RSASSAVerifier(rsa.toRSAPublicKey());
            }
            ECDSAVerifier ec = new ECDSAVerifier(((ECKey) key).toECPublicKey());
            ec.getJCAContext().setProvider(BC);
            return ec;
        } catch (JOSEException e) {
            throw new IdpUnavailableException(ErrorCode.IDP_INVALID_RESPONSE, "a JWKS key cannot be used", e);
        }
    }
}
