package be.fedauth.oidc.internal;

import be.fedauth.core.AuthenticationException;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.IdpUnavailableException;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSetBasedJWKSource;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetParseException;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.net.MalformedURLException;
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
 * {@code kid} (FAS); an unknown {@code kid} triggers a rate-limited refetch; a token without
 * {@code kid} is accepted only when the JWKS holds exactly one usable key.
 *
 * <p>The JWKS comes through Nimbus's {@link JWKSourceBuilder} (cache, rate limit, outage tolerance)
 * but is read with the injected clock. Verifiers are cached per key so that a public key is converted
 * once. ES* verification uses Bouncy Castle's provider (about five times faster than the JDK's).
 * Thread-safe.
 */
public final class SignatureVerifier {
    private static final Provider BC = new BouncyCastleProvider();

    private final Set<JWSAlgorithm> allowed;
    private final JWKSetSource<SecurityContext> jwks;
    private final Clock clock;
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
        List<JWSAlgorithm> algs = new ArrayList<>();
        algorithms.forEach(a -> algs.add(JWSAlgorithm.parse(a)));
        this.allowed = Set.copyOf(algs);
        this.clock = clock;
        JWKSource<SecurityContext> source;
        try {
            source = JWKSourceBuilder.<SecurityContext>create(jwksUri.toURL(), http)
                    .cache(cacheTtl.toMillis(), fetchTimeout.toMillis() + 1000)
                    .rateLimited(refetchInterval.toMillis())
                    .outageTolerant(outageTolerance.toMillis())
                    .retrying(false)
                    .refreshAheadCache(false)
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("bad JWKS URL", e);
        }
        // The builder's JWKSource reads the system time itself; its inner set source takes the time
        // as an argument, so we call that with the injected clock.
        this.jwks = ((JWKSetBasedJWKSource<SecurityContext>) source).getJWKSetSource();
    }

    /**
     * Parses a compact JWT and checks its signature.
     *
     * @throws AuthenticationException {@code malformed_response}, {@code unsupported_algorithm},
     *     {@code invalid_signature}
     * @throws IdpUnavailableException when the JWKS cannot be fetched and none is cached
     */
    public SignedJWT verify(String compact, String what) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(compact);
        } catch (ParseException e) {
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
        JWSVerifier verifier = verifierFor(header, what);
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

    private JWSVerifier verifierFor(JWSHeader header, String what) {
        JWKSet set = jwkSet(JWKSetCacheRefreshEvaluator.noRefresh());
        String cacheKey = header.getAlgorithm().getName() + '\u0000' + (header.getKeyID() == null ? "" : header.getKeyID());
        CachedVerifier cached = verifiers.get(cacheKey);
        if (cached != null && cached.set == set) {
            return cached.verifier; // Same JWKS instance: same choice, no selection or key conversion.
        }
        JWK key = select(set, header);
        if (key == null && header.getKeyID() != null) {
            // Unknown kid: maybe a rotation; refetch (rate-limited) once (OIDC Core 10.1.1).
            try {
                set = jwks.getJWKSet(JWKSetCacheRefreshEvaluator.referenceComparison(set), clock.millis(), null);
                key = select(set, header);
            } catch (RateLimitReachedException e) {
                // Too many unknown kids lately: the key stays unknown (no fetch storm, OIDC Core 10.1.1).
                key = null;
            } catch (KeySourceException e) {
                throw unavailable(e);
            }
        }
        if (key == null) {
            throw new AuthenticationException(ErrorCode.INVALID_SIGNATURE, header.getKeyID() == null
                    ? "the " + what + " has no kid and the JWKS has no single key for " + header.getAlgorithm()
                    : "no key in the JWKS matches the " + what + "'s kid and algorithm");
        }
        JWSVerifier verifier = cached != null && sameMaterial(cached.jwk, key) ? cached.verifier : newVerifier(key);
        verifiers.put(cacheKey, new CachedVerifier(set, key, verifier));
        return verifier;
    }

    private JWKSet jwkSet(JWKSetCacheRefreshEvaluator evaluator) {
        try {
            return jwks.getJWKSet(evaluator, clock.millis(), null);
        } catch (KeySourceException e) {
            throw unavailable(e);
        } catch (RuntimeException e) {
            throw new IdpUnavailableException(ErrorCode.IDP_INVALID_RESPONSE, "the JWKS cannot be used", e);
        }
    }

    private static IdpUnavailableException unavailable(KeySourceException e) {
        // Garbage (not a JWK set, or larger than the size limit) is not an outage.
        Throwable garbage = e;
        while (garbage != null && !(garbage instanceof JWKSetParseException || garbage instanceof IdpUnavailableException
                iu && iu.code() == ErrorCode.IDP_INVALID_RESPONSE)) {
            garbage = garbage.getCause();
        }
        return garbage != null
                ? new IdpUnavailableException(ErrorCode.IDP_INVALID_RESPONSE, "the JWKS is not a valid JWK set", e)
                : new IdpUnavailableException(ErrorCode.IDP_UNAVAILABLE, "the JWKS cannot be fetched", e);
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
            if (jwk.getKeyUse() != null && jwk.getKeyUse() != KeyUse.SIGNATURE) {
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
