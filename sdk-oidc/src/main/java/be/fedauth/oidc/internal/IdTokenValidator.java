package be.fedauth.oidc.internal;

import be.fedauth.core.AuthenticationException;
import be.fedauth.core.ErrorCode;
import be.fedauth.oidc.OidcSettings;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Validates an ID token (OIDC Core 3.1.3.7) after {@link SignatureVerifier} checked its signature.
 *
 * <p>Verified: {@code iss} is the issuer or its declared alias, exactly; {@code aud} contains the
 * client id and no other party (with several audiences {@code azp} is required first); {@code azp},
 * when present, is the client id; {@code sub} is present; the JOSE {@code typ} header, when present,
 * is {@code JWT} or {@code application/jwt} (an {@code at+jwt} access token or a logout token is no ID
 * token, RFC 8725 3.11, {@code token_type_mismatch}); {@code exp} is in the future and {@code iat} present,
 * not in the future and not older than the maximum token age ({@code token_expired}), {@code nbf} (if any) passed, {@code auth_time} (if any) not in the future, each with the
 * configured skew; {@code nonce} equals the one sent (when one was sent). Not verified:
 * {@code at_hash} and {@code c_hash} (the access token comes straight from the token endpoint over
 * TLS, OIDC Core 3.1.3.8), {@code max_age} (never sent). Thread-safe.
 */
public final class IdTokenValidator {
    private final OidcSettings settings;

    /** A validator for these settings. */
    public IdTokenValidator(OidcSettings settings) {
        this.settings = settings;
    }

    /**
     * The claims of a signature-checked ID token, validated.
     *
     * @param expectedNonce the nonce sent, or empty on refresh (OIDC Core 12.2)
     */
    public JWTClaimsSet validate(SignedJWT token, Optional<String> expectedNonce) {
        checkType(token, "ID token");
        JWTClaimsSet claims;
        try {
            claims = VerifiedClaims.of(token);
        } catch (ParseException e) {
            throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE, "the ID token claims are not JSON", e);
        }
        String iss = claims.getIssuer();
        if (iss == null || !Issuers.accepted(settings, iss)) {
            throw new AuthenticationException(ErrorCode.ISSUER_MISMATCH, "the ID token issuer '"
                    + (iss == null ? "" : Issuers.shown(iss)) + "' is not the configured issuer '" + settings.issuer() + "'");
        }
        List<String> aud = claims.getAudience();
        if (aud == null || aud.isEmpty() || !aud.contains(settings.clientId())) {
            throw new AuthenticationException(ErrorCode.AUDIENCE_MISMATCH, "the ID token is not addressed to this client");
        }
        Object azp = claims.getClaim("azp");
        if (azp != null && !settings.clientId().equals(azp)) {
            throw new AuthenticationException(ErrorCode.AUTHORIZED_PARTY_MISMATCH, "the ID token azp is another client");
        }
        if (aud.size() > 1 && azp == null) {
            throw new AuthenticationException(ErrorCode.AUTHORIZED_PARTY_MISMATCH,
                    "the ID token has several audiences and no azp");
        }
        if (aud.size() > 1) {
            // Step 3: reject "additional audiences not trusted by the Client"; this client trusts none.
            throw new AuthenticationException(ErrorCode.AUDIENCE_MISMATCH, "the ID token is also addressed to other parties");
        }
        String sub = claims.getSubject();
        if (sub == null || sub.isEmpty()) {
            throw new AuthenticationException(ErrorCode.MISSING_CLAIM, "the ID token has no sub");
        }
        Instant now = settings.clock().instant();
        Instant exp = instant(claims, "exp");
        if (!now.minus(settings.clockSkew()).isBefore(exp)) {
            throw new AuthenticationException(ErrorCode.TOKEN_EXPIRED, "the ID token expired at " + exp);
        }
        Instant iat = instant(claims, "iat");
        Instant latest = now.plus(settings.clockSkew());
        if (iat.isAfter(latest)) {
            throw new AuthenticationException(ErrorCode.TOKEN_ISSUED_IN_FUTURE, "the ID token is issued at " + iat
                    + ", after now (" + now + ") plus skew");
        }
        if (iat.isBefore(now.minus(settings.maxTokenAge()).minus(settings.clockSkew()))) {
            throw new AuthenticationException(ErrorCode.TOKEN_EXPIRED, "the ID token was issued at " + iat
                    + ", longer ago than the maximum token age (" + settings.maxTokenAge() + ") plus skew");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().isAfter(latest)) {
            throw new AuthenticationException(ErrorCode.TOKEN_NOT_YET_VALID, "the ID token is not valid before " + nbf.toInstant());
        }
        Object authTime = claims.getClaim("auth_time");
        if (authTime != null && optionalInstant(claims, "auth_time").isAfter(latest)) {
            throw new AuthenticationException(ErrorCode.TOKEN_ISSUED_IN_FUTURE, "the ID token auth_time is in the future");
        }
        if (expectedNonce.isPresent()) {
            Object nonce = claims.getClaim("nonce");
            if (!(nonce instanceof String n) || !constantTimeEquals(n, expectedNonce.get())) {
                throw new AuthenticationException(ErrorCode.NONCE_MISMATCH, nonce == null
                        ? "the ID token has no nonce" : "the ID token nonce is not the one sent");
            }
        }
        return claims;
    }

    private static Instant instant(JWTClaimsSet claims, String name) {
        if (claims.getClaim(name) == null) {
            throw new AuthenticationException(ErrorCode.MISSING_CLAIM, "the ID token has no " + name);
        }
        return optionalInstant(claims, name);
    }

    private static Instant optionalInstant(JWTClaimsSet claims, String name) {
        try {
            Date d = claims.getDateClaim(name);
            return d.toInstant();
        } catch (ParseException | RuntimeException e) {
            throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE, "the ID token " + name + " is not a time", e);
        }
    }

    /**
     * The JOSE {@code typ} header, when present, must name a plain JWT (RFC 7519 5.1: {@code JWT}, in any
     * case, with or without {@code application/}); anything else ({@code at+jwt}, {@code logout+jwt},
     * {@code secevent+jwt}) is another kind of token signed by the same key.
     */
    static void checkType(SignedJWT token, String what) {
        if (token.getHeader().getType() == null) {
            return;
        }
        String typ = token.getHeader().getType().getType().toLowerCase(java.util.Locale.ROOT);
        if (!typ.equals("jwt") && !typ.equals("application/jwt")) {
            throw new AuthenticationException(ErrorCode.TOKEN_TYPE_MISMATCH, "the " + what + " has typ '"
                    + TokenClient.safe(typ.replace('/', '.').replace('+', '.')) + "', not JWT");
        }
    }

    /** Compares secrets without leaking their common prefix length through timing. */
    static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
