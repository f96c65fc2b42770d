package be.fedauth.testkit;

/**
 * One-shot misbehaviours of the fake FAS's OpenID Connect side, so that a relying party can show it
 * fails closed. Queue one and it changes the next response it applies to (the ID token of the next
 * token response, the next userinfo response, the next authorization response, discovery document, JWKS
 * or refresh), then the fake behaves again.
 *
 * <p>A correct relying party refuses every attack except {@link #KEY_ROTATION}, {@link #KID_ABSENT}
 * (while the JWKS holds a single key) and {@link #ES256_SIGNED}, which are legitimate and must be
 * accepted.
 */
public enum OidcAttack {
    // ---- the ID token's signature and header
    /** The ID token's signature is corrupted. */
    BAD_SIGNATURE,
    /** The ID token is unsigned ({@code alg} none, RFC 7519 6). */
    ALG_NONE,
    /** The ID token is HS256-signed with the RSA public key's bytes as the secret (RFC 8725 2.1). */
    HS256_WITH_PUBLIC_KEY,
    /** The ID token names a {@code kid} the JWKS does not have. */
    UNKNOWN_KID,
    /** The ID token has no {@code kid}: legitimate while one key is published, ambiguous after a rotation. */
    KID_ABSENT,
    /** The signing key is rotated just before the ID token is signed: legitimate, the new kid must be fetched. */
    KEY_ROTATION,
    /** The ID token is signed ES256 with an EC key that the JWKS publishes from then on: legitimate. */
    ES256_SIGNED,
    /** Like {@link #ES256_SIGNED}, with a corrupted signature. */
    ES256_BAD_SIGNATURE,
    /** Signed by an attacker's key, with the real {@code kid} and a {@code jku} header pointing to the attacker's JWKS. */
    JKU_HEADER,
    /** Signed by an attacker's key, with the real {@code kid} and an {@code x5u} header pointing to the attacker's certificate. */
    X5U_HEADER,
    /** Signed by an attacker's key, with the real {@code kid} and the attacker's public key embedded as {@code jwk}. */
    JWK_HEADER,
    /** The ID token's JOSE {@code typ} header is {@code at+jwt}: an access token (RFC 9068), not an ID token. */
    TYP_AT_JWT,
    /**
     * The ID token is signed by a new RSA key that the JWKS publishes from then on with
     * {@code key_ops: ["sign"]}, which excludes {@code verify} (RFC 7517 4.3).
     */
    KEY_OPS_WITHOUT_VERIFY,
    /** The ID token is signed by a new RSA key that the JWKS publishes from then on with {@code use: "enc"}. */
    KEY_USE_ENC,

    // ---- the ID token's claims
    /** {@code iss} is another issuer. */
    WRONG_ISSUER,
    /** {@code aud} is another client. */
    WRONG_AUDIENCE,
    /** {@code aud} is absent. */
    AUDIENCE_MISSING,
    /** {@code aud} holds this client and another one, with no {@code azp}. */
    SEVERAL_AUDIENCES_WITHOUT_AZP,
    /** {@code aud} holds this client and another one, with {@code azp} naming this client. */
    EXTRA_AUDIENCE,
    /** {@code azp} is another client. */
    WRONG_AZP,
    /** {@code exp} passed an hour ago. */
    EXPIRED,
    /** {@code iat} is an hour in the future. */
    IAT_IN_FUTURE,
    /** {@code iat} is absent. */
    IAT_MISSING,
    /** {@code iat} is an hour ago (the token is still unexpired, {@code exp} an hour ahead): older than a 10-minute maximum age. */
    IAT_TOO_OLD,
    /** {@code sub} is absent. */
    SUB_MISSING,
    /** {@code nonce} is not the one the relying party sent. */
    NONCE_MISMATCH,
    /** {@code nonce} is absent. */
    NONCE_MISSING,
    /** {@code amr} reports level 200, whatever key was used and whatever level was requested. */
    LEVEL_BELOW_REQUESTED,

    // ---- other responses
    /** The userinfo JWT names another {@code sub}. */
    USERINFO_SUB_MISMATCH,
    /** The userinfo JWT's signature is corrupted. */
    USERINFO_BAD_SIGNATURE,
    /** The userinfo JWT has no {@code aud}. */
    USERINFO_AUDIENCE_MISSING,
    /** The userinfo JWT has an {@code iat} an hour ago. */
    USERINFO_IAT_TOO_OLD,
    /**
     * Userinfo answers plain JSON ({@code application/json}, unsigned) naming another national number
     * ({@code egovNRN}) and federal id ({@code fedid}) than the person's.
     */
    USERINFO_PLAIN_JSON_OTHER_IDENTITY,

    // ---- the JWKS
    /** The next JWKS response lists no key at all. */
    JWKS_EMPTY,
    /** The next JWKS response lists the keys with {@code use: "enc"} only: none may verify a signature. */
    JWKS_ENCRYPTION_KEYS_ONLY,
    /** The authorization response carries an RFC 9207 {@code iss} parameter naming another issuer. */
    WRONG_ISS_PARAMETER,
    /** The discovery document declares another issuer. */
    DISCOVERY_WRONG_ISSUER,
    /** The ID token of the next refresh names another issuer. */
    REFRESH_OTHER_ISSUER,
    /** The ID token of the next refresh names another subject. */
    REFRESH_OTHER_SUBJECT
}
