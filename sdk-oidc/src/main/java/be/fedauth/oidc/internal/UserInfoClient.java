package be.fedauth.oidc.internal;

import be.fedauth.core.AuthenticationException;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.IdpUnavailableException;
import be.fedauth.oidc.OidcSettings;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.text.ParseException;
import java.util.List;
import java.util.Map;

/**
 * The userinfo endpoint (OIDC Core 5.3). FAS answers with a signed JWT ({@code application/jwt}),
 * verified like the ID token (same JWKS and algorithm allow-list) and, when it carries {@code iss} and
 * {@code aud}, checked against the issuer and client (OIDC Core 5.3.2); plain JSON is accepted as
 * other providers send it, and marked unsigned so that it only adds profile claims. In both cases
 * {@code sub} must equal the ID token's. Thread-safe.
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
        HttpTransport.Response response = http.get(endpoint, Map.of("Authorization", "Bearer " + accessToken,
                "Accept", "application/jwt, application/json"), "userinfo");
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
                set = VerifiedClaims.of(verifier.verify(body.trim(), "userinfo"));
            } catch (ParseException e) {
                throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE, "the userinfo claims are not JSON", e);
            }
            if (set.getIssuer() != null && !Issuers.accepted(settings, set.getIssuer())) {
                throw new AuthenticationException(ErrorCode.ISSUER_MISMATCH, "the userinfo issuer '" + Issuers.shown(set.getIssuer())
                        + "' is not the configured issuer '" + settings.issuer() + "'");
            }
            List<String> aud = set.getAudience();
            if (aud != null && !aud.isEmpty() && !aud.contains(settings.clientId())) {
                throw new AuthenticationException(ErrorCode.AUDIENCE_MISMATCH, "the userinfo is not addressed to this client");
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
}
