package be.fedauth.oidc.internal;

import be.fedauth.core.AuthenticationException;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.IdpUnavailableException;
import be.fedauth.oidc.OidcSettings;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.io.EOFException;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * The userinfo endpoint (OIDC Core 5.3). FAS answers with a signed JWT ({@code application/jwt}),
 * verified like the ID token (same JWKS and algorithm allow-list); its {@code iss}, when present, must
 * be the issuer, its {@code aud} must be present and contain the client id (OIDC Core 5.3.2 says SHOULD;
 * without it a signed statement about the user could be one made for another client), its {@code iat},
 * when present, not older than the maximum token age nor in the future and its {@code exp}, when
 * present, not passed. A signed userinfo without {@code iat} is accepted: OIDC Core does not ask for
 * one and it was fetched just now, over TLS, with the access token of this login, so its age is bounded
 * by that token's. Plain JSON is accepted as other providers send it, and marked unsigned so that it
 * only adds profile claims (never the national number or federal id, see {@link ClaimsMapper#profileClaims}).
 * In both cases {@code sub} must equal the ID token's. A body cut short in transit (fewer bytes than
 * its Content-Length, cut JSON or JWT) is an identity provider failure, {@code idp_invalid_response}.
 * Thread-safe.
 */
public final class UserInfoClient {
    private final OidcSettings settings;
    private final HttpTransport http;
    private final SignatureVerifier verifier;

    /**
     * Checked userinfo claims.
     *
     * @param claims the claims, {@code sub} included
     * @param signed whether they came as a verified signed JWT (else plain JSON, vouched for by TLS only)
     */
    public record UserInfo(Map<String, Object> claims, boolean signed) {
    }

    /** A client for these settings. */
    public UserInfoClient(OidcSettings settings, HttpTransport http, SignatureVerifier verifier) {
        this.settings = settings;
        this.http = http;
        this.verifier = verifier;
    }

    /** The userinfo claims for this access token, whose {@code sub} is the ID token's. */
    public UserInfo fetch(URI endpoint, String accessToken, String expectedSubject) {
        HttpTransport.Response response;
        try {
            response = http.get(endpoint, Map.of("Authorization", "Bearer " + accessToken,
                    "Accept", "application/jwt, application/json"), "userinfo");
        } catch (IdpUnavailableException e) {
            if (cutShort(e)) {
                throw new IdpUnavailableException(ErrorCode.IDP_INVALID_RESPONSE,
                        "the userinfo response ended before its Content-Length", e);
            }
            throw e;
        }
        if (response.status() >= 500) {
            throw new IdpUnavailableException(ErrorCode.IDP_UNAVAILABLE, "userinfo answered HTTP " + response.status());
        }
        if (!response.ok()) {
            throw new AuthenticationException(ErrorCode.IDP_ERROR, "userinfo answered HTTP " + response.status());
        }
        return read(response.contentType(), response.body(), expectedSubject);
    }

    /**
     * The checked claims of a userinfo response body, by content type ({@code application/jwt} or
     * {@code application/json}, without parameters); no HTTP. Same checks as {@link #fetch}.
     */
    public UserInfo read(String contentType, String body, String expectedSubject) {
        Map<String, Object> claims;
        boolean signed = "application/jwt".equals(contentType);
        if (signed) {
            JWTClaimsSet set;
            try {
                set = VerifiedClaims.of(verifier.verify(body.trim(), "userinfo", true));
            } catch (ParseException e) {
                throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE, "the userinfo claims are not JSON", e);
            }
            checkAge(set);
            if (set.getIssuer() != null && !Issuers.accepted(settings, set.getIssuer())) {
                throw new AuthenticationException(ErrorCode.ISSUER_MISMATCH, "the userinfo issuer '" + Issuers.shown(set.getIssuer())
                        + "' is not the configured issuer '" + settings.issuer() + "'");
            }
            List<String> aud = set.getAudience();
            if (aud == null || !aud.contains(settings.clientId())) {
                throw new AuthenticationException(ErrorCode.AUDIENCE_MISMATCH, aud == null || aud.isEmpty()
                        ? "the signed userinfo has no aud" : "the userinfo is not addressed to this client");
            }
            claims = set.getClaims();
        } else if ("application/json".equals(contentType)) {
            try {
                claims = JSONObjectUtils.parse(body);
            } catch (ParseException e) {
                throw new IdpUnavailableException(ErrorCode.IDP_INVALID_RESPONSE, "the userinfo response is not JSON", e);
            }
        } else {
            throw new IdpUnavailableException(ErrorCode.IDP_INVALID_RESPONSE, "the userinfo response has content type '"
                    + TokenClient.safe(contentType.replace('/', '.')) + "'");
        }
        Object sub = claims.get("sub");
        if (!(sub instanceof String s) || !s.equals(expectedSubject)) {
            throw new AuthenticationException(ErrorCode.SUBJECT_MISMATCH, "the userinfo sub is not the ID token's");
        }
        return new UserInfo(claims, signed);
    }

    private void checkAge(JWTClaimsSet set) {
        Instant now = settings.clock().instant();
        Date iat;
        Date exp;
        try {
            iat = set.getDateClaim("iat");
            exp = set.getDateClaim("exp");
        } catch (ParseException e) {
            throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE, "the userinfo iat or exp is not a time", e);
        }
        if (iat != null && iat.toInstant().isBefore(now.minus(settings.maxTokenAge()).minus(settings.clockSkew()))) {
            throw new AuthenticationException(ErrorCode.TOKEN_EXPIRED, "the signed userinfo was issued at "
                    + iat.toInstant() + ", longer ago than the maximum token age plus skew");
        }
        if (iat != null && iat.toInstant().isAfter(now.plus(settings.clockSkew()))) {
            throw new AuthenticationException(ErrorCode.TOKEN_ISSUED_IN_FUTURE, "the signed userinfo is issued in the future");
        }
        if (exp != null && !now.minus(settings.clockSkew()).isBefore(exp.toInstant())) {
            throw new AuthenticationException(ErrorCode.TOKEN_EXPIRED, "the signed userinfo expired at " + exp.toInstant());
        }
    }

    /** A fixed-length body that ended early: the JDK reports an EOF while reading it. */
    private static boolean cutShort(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EOFException) {
                return true;
            }
        }
        return false;
    }
}
