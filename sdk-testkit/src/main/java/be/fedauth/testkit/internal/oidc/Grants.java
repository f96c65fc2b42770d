package be.fedauth.testkit.internal.oidc;

import be.fedauth.core.DigitalKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Codes, access tokens and refresh tokens the fake FAS issued. Thread-safe. */
final class Grants {
    /** What a login granted: who, with which key, to which client, for which scopes. */
    record Grant(String clientId, String personId, DigitalKey key, List<String> scopes, Instant authTime,
                 String subject) {
    }

    /** An authorization code waiting to be redeemed (RFC 6749 4.1.2; FAS codes are short-lived). */
    record Code(Grant grant, String redirectUri, Optional<String> nonce, Optional<String> codeChallenge,
                Instant expiresAt) {
    }

    /** A token, what it grants, until when, and the login (its ID token's digest) that issued it. */
    private record Timed(Grant grant, Instant expiresAt, String login) {
    }

    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, Timed> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Timed> refreshTokens = new ConcurrentHashMap<>();

    void putCode(String code, Code value) {
        purge(value.expiresAt().minus(AuthorizeHandler.CODE_LIFETIME));
        codes.put(code, value);
    }

    /** Forgets what expired, so that a long-running standalone fake does not grow without end. */
    private void purge(Instant now) {
        codes.values().removeIf(c -> !now.isBefore(c.expiresAt()));
        accessTokens.values().removeIf(t -> !now.isBefore(t.expiresAt));
        refreshTokens.values().removeIf(t -> !now.isBefore(t.expiresAt));
    }

    /** Removes the code: a code is redeemed at most once, even when the redemption fails. */
    Optional<Code> takeCode(String code) {
        return Optional.ofNullable(codes.remove(code));
    }

    void putAccessToken(String token, Grant grant, Instant expiresAt, String idToken) {
        accessTokens.put(token, new Timed(grant, expiresAt, digest(idToken)));
    }

    Optional<Grant> accessToken(String token, Instant now) {
        Timed t = accessTokens.get(token);
        return t != null && now.isBefore(t.expiresAt) ? Optional.of(t.grant) : Optional.empty();
    }

    void putRefreshToken(String token, Grant grant, Instant expiresAt, String idToken) {
        refreshTokens.put(token, new Timed(grant, expiresAt, digest(idToken)));
    }

    /** Removes the refresh token (they rotate on use). */
    Optional<Grant> takeRefreshToken(String token, Instant now) {
        Timed t = refreshTokens.remove(token);
        return t != null && now.isBefore(t.expiresAt) ? Optional.of(t.grant) : Optional.empty();
    }

    /** Whether an access or refresh token is live, for introspection. */
    Optional<Grant> anyToken(String token, Instant now) {
        Optional<Grant> at = accessToken(token, now);
        if (at.isPresent()) {
            return at;
        }
        Timed t = refreshTokens.get(token);
        return t != null && now.isBefore(t.expiresAt) ? Optional.of(t.grant) : Optional.empty();
    }

    /**
     * Ends what the login that issued {@code idToken} was granted (its access and refresh tokens, and
     * nothing of other logins of the same person), as an OP does when the user logs out of that session.
     */
    void revoke(String idToken) {
        String login = digest(idToken);
        accessTokens.values().removeIf(t -> t.login.equals(login));
        refreshTokens.values().removeIf(t -> t.login.equals(login));
    }

    private static String digest(String idToken) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(idToken.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    void clear() {
        codes.clear();
        accessTokens.clear();
        refreshTokens.clear();
    }
}
