package be.fedauth.testkit.internal.oidc;

import be.fedauth.testkit.OidcClient;
import be.fedauth.testkit.internal.FakeIdpContext;
import be.fedauth.testkit.internal.FakeRequest;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Client authentication at the token and introspection endpoints: {@code client_secret_basic}
 * (RFC 6749 2.3.1, id and secret form-urlencoded inside Basic) or {@code private_key_jwt} (RFC 7523 3:
 * iss = sub = client id, aud the token endpoint or the issuer, unexpired, signed by a key of the
 * client's registered JWKS, jti not seen before). Thread-safe.
 */
final class ClientAuthenticator {
    private static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private final Set<String> seenAssertionIds = ConcurrentHashMap.newKeySet();

    /** The authenticated client, or empty (answer 401 invalid_client). */
    Optional<OidcClient> authenticate(FakeRequest request, FakeIdpContext context, String endpointUrl) {
        Optional<String> basic = request.header("Authorization").filter(h -> h.regionMatches(true, 0, "Basic ", 0, 6));
        Optional<String> assertionType = request.formParameter("client_assertion_type");
        if (basic.isPresent() == assertionType.isPresent()) {
            return Optional.empty(); // Exactly one method (RFC 6749 2.3).
        }
        if (basic.isPresent()) {
            return basic(basic.get().substring(6).trim(), context);
        }
        if (!JWT_BEARER.equals(assertionType.get())) {
            return Optional.empty();
        }
        return request.formParameter("client_assertion").flatMap(a -> assertion(a, request, context, endpointUrl));
    }

    private static Optional<OidcClient> basic(String encoded, FakeIdpContext context) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
        String secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
        return context.oidcClient(id).filter(c -> c.secret().isPresent() && MessageDigest.isEqual(
                c.secret().get().getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8)));
    }

    private Optional<OidcClient> assertion(String compact, FakeRequest request, FakeIdpContext context,
                                           String endpointUrl) {
        try {
            SignedJWT jwt = SignedJWT.parse(compact);
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            String id = claims.getIssuer();
            if (id == null || !id.equals(claims.getSubject())) {
                return Optional.empty();
            }
            Optional<String> formId = request.formParameter("client_id");
            if (formId.isPresent() && !formId.get().equals(id)) {
                return Optional.empty();
            }
            Optional<OidcClient> client = context.oidcClient(id).filter(c -> c.jwks().isPresent());
            if (client.isEmpty()) {
                return Optional.empty();
            }
            Instant now = context.clock().instant();
            if (claims.getExpirationTime() == null || !now.isBefore(claims.getExpirationTime().toInstant())
                    || claims.getAudience() == null || !(claims.getAudience().contains(endpointUrl)
                    || claims.getAudience().contains(context.oidcIssuer()))) {
                return Optional.empty();
            }
            if (!verified(jwt, JWKSet.parse(client.get().jwks().get()))) {
                return Optional.empty();
            }
            if (claims.getJWTID() != null && !seenAssertionIds.add(id + ' ' + claims.getJWTID())) {
                return Optional.empty(); // RFC 7523 3 item 7: an assertion is used once.
            }
            return client;
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean verified(SignedJWT jwt, JWKSet keys) throws JOSEException {
        String kid = jwt.getHeader().getKeyID();
        for (JWK key : keys.getKeys()) {
            if (kid != null && key.getKeyID() != null && !kid.equals(key.getKeyID())) {
                continue;
            }
            JWSVerifier verifier;
            if (key instanceof RSAKey rsa && jwt.getHeader().getAlgorithm().getName().matches("(RS|PS)\\d+")) {
                verifier = new RSASSAVerifier(rsa);
            } else if (key instanceof ECKey ec && jwt.getHeader().getAlgorithm().getName().startsWith("ES")) {
                verifier = new ECDSAVerifier(ec);
            } else {
                continue;
            }
            if (jwt.verify(verifier)) {
                return true;
            }
        }
        return false;
    }
}
