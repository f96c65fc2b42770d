package be.fedauth.core;

/**
 * A logout the identity provider asked for through the browser (SAML Profiles 4.4.4: an IdP-initiated
 * LogoutRequest), after the provider verified it: which sessions it ends, and where the browser goes
 * next to carry the answer back. Made by {@link SingleLogout#handleLogoutRequest}; immutable.
 */
public interface IdpLogoutRequest {

    /**
     * Whether this logout ends {@code session}: the session was made by the provider that verified the
     * request and names the subject (and session, when the request names sessions) it names.
     */
    boolean matches(SessionReference session);

    /** Where to send the browser once the matching local session has ended: the provider's signed answer. */
    HttpRedirect response();
}
