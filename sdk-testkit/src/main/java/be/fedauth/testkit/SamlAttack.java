package be.fedauth.testkit;

/**
 * One-shot misbehaviours of the fake's SAML identity providers (FAS and social security), so that a
 * service provider can show it fails closed. Queue one with {@link FakeFas#queueAttack(Enum)}: it
 * changes the next Response the fake issues, then the fake behaves again. A correct SP refuses every
 * one of them.
 */
public enum SamlAttack {
    /** Neither the Response nor the Assertion is signed. */
    UNSIGNED_ASSERTION,
    /** The Response is signed but the Assertion inside it is not. */
    UNSIGNED_ASSERTION_IN_SIGNED_RESPONSE,
    /** The Assertion's signature value is corrupted. */
    BAD_SIGNATURE,
    /** Response and Assertion signed by an attacker's key whose certificate is carried in KeyInfo. */
    SIGNED_BY_KEYINFO_CERTIFICATE,
    /** SHA-1 signatures (rsa-sha1, sha1 digests), validly made with the real key. */
    SHA1_SIGNATURE,
    /**
     * XML signature wrapping (XSW3 in SAMLRaider's terms): an unsigned forged assertion for another
     * subject is placed before the genuine signed one; the Response is not signed.
     */
    XML_SIGNATURE_WRAPPING,
    /** Two signed assertions in one Response. */
    TWO_ASSERTIONS,
    /** The Audience is another service provider. */
    WRONG_AUDIENCE,
    /** The Response's Destination is another URL. */
    WRONG_DESTINATION,
    /** The bearer SubjectConfirmationData's Recipient is another URL. */
    WRONG_RECIPIENT,
    /** The Issuer is another entity. */
    WRONG_ISSUER,
    /** InResponseTo names another request. */
    WRONG_IN_RESPONSE_TO,
    /** The Assertion expired an hour ago. */
    EXPIRED,
    /** The Assertion becomes valid only in an hour. */
    NOT_YET_VALID,
    /** The Assertion reuses the ID of the previous assertion this IdP issued (a replay). */
    REPLAYED_ASSERTION,
    /**
     * A comment splits the NameID ({@code _abc<!---->def}); exclusive canonicalisation ignores it, so
     * the signature stays valid: an SP that reads only the first text node gets another subject.
     */
    COMMENT_IN_NAMEID,
    /** The assertion is encrypted to the SP but not signed inside (only the Response is signed). */
    ENCRYPTED_UNSIGNED_INSIDE,
    /**
     * The Response and the assertion were issued 20 minutes ago (IssueInstant), everything else valid
     * now: older than fedauth's default maximum age of 10 minutes.
     */
    ISSUED_TOO_LONG_AGO,
    /** The Response is signed but carries no Issuer (SAML Profiles 4.1.4.2 requires it). */
    SIGNED_RESPONSE_WITHOUT_ISSUER,
    /** The bearer SubjectConfirmationData has a NotBefore (SAML Profiles 4.1.4.2 forbids it). */
    BEARER_CONFIRMATION_WITH_NOT_BEFORE,
    /**
     * The assertion holds the national number attribute twice, as two Attribute elements with another
     * number in the second (the family name when the person has no national number).
     */
    SAME_ATTRIBUTE_TWICE
}
