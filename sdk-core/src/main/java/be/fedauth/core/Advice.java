package be.fedauth.core;

/**
 * What a user can do about an {@link ErrorCode}: the part of {@link Guidance} that is shared by
 * several codes. Each advice has a text in French, Dutch, German and English.
 */
public enum Advice {
    /** Start the login again. */
    RETRY_LOGIN,
    /** The session ended (inactivity, maximum duration or the identity provider's limit); log in again. */
    SESSION_ENDED,
    /** Wait and try again; the login service is unavailable. */
    RETRY_LATER,
    /** Something is wrong that only the helpdesk can solve. */
    CONTACT_HELPDESK,
    /** Correct what was typed. */
    CHECK_INPUT,
    /** The computer's clock or the service's is wrong. */
    CHECK_CLOCK,
    /** Log in with a stronger digital key. */
    USE_STRONGER_KEY,
    /** Log in with one of the digital keys offered. */
    USE_OFFERED_KEY,
    /** Foreigners log in with a token, requested from iam.da@minfin.fed.be. */
    FOREIGNER_TOKEN,
    /** The old social-security login has ended; log in through the federal login. */
    LEGACY_LOGIN_ENDED,
    /** Ask the enterprise's local manager for a role. */
    ASK_LOCAL_MANAGER,
    /** Accept the proposed role in role management. */
    ACCEPT_ROLE,
    /** Both parties must sign the mandate. */
    SIGN_MANDATE,
    /** The mandate must be renewed or extended. */
    RENEW_MANDATE,
    /**
     * Foreigners log in through eIDAS with a notified foreign eID, the FPS Finance ForReg account, or a
     * Belgian key obtained through video identification: what {@link #FOREIGNER_TOKEN} becomes once the
     * {@link Timeline} closes the token route (31/01/2024).
     */
    FOREIGNER_ROUTES
}
