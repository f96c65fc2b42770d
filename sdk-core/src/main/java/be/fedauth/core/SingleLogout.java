package be.fedauth.core;

/**
 * Front-channel Single Logout: the logout messages an identity provider sends through the browser to
 * the application's single-logout endpoint (SAML 2.0 Single Logout over HTTP-Redirect, SAML Profiles
 * 4.4), for a provider whose identity provider takes part in it. Given by
 * {@link AuthenticationProvider#singleLogout()} when the provider is configured for it (a SAML provider
 * with a single-logout URL). The servlet filter's single-logout endpoint drives it; an application
 * without that filter calls it from its own endpoint.
 *
 * <p>Every method takes the request's raw query string (still URL-encoded, as
 * {@code HttpServletRequest.getQueryString()} gives it, without the {@code ?}): HTTP-Redirect
 * signatures cover the parameters exactly as the identity provider encoded them (SAML Bindings
 * 3.4.4.1). Implementations are thread-safe.
 */
public interface SingleLogout {

    /**
     * Whether the logout message in {@code rawQuery} names this provider's identity provider as its
     * issuer. A routing hint only, read before any check (nothing is verified, nothing is recorded):
     * it picks, among several providers sharing one endpoint, the one whose {@code handle} or
     * {@code finish} method then verifies everything. Never throws; false for anything unreadable.
     */
    boolean recognises(String rawQuery);

    /**
     * Verifies an IdP-initiated logout request and prepares the signed answer. The caller ends the local
     * session the result {@linkplain IdpLogoutRequest#matches matches}, then sends the browser to its
     * {@linkplain IdpLogoutRequest#response response}.
     *
     * @throws AuthenticationException with the code of the failed check ({@code invalid_signature},
     *     {@code issuer_mismatch}, {@code destination_mismatch}, {@code token_expired},
     *     {@code replay_detected} for a request seen before, {@code malformed_callback})
     * @throws IdpUnavailableException when the identity provider's metadata cannot be loaded
     */
    IdpLogoutRequest handleLogoutRequest(String rawQuery);

    /**
     * Verifies the identity provider's answer to a logout this application started with
     * {@link AuthenticationProvider#startLogout} and the {@link LogoutRequest#state() state} given there.
     *
     * @param state the state given in the {@link LogoutRequest}, kept by the application meanwhile
     * @throws AuthenticationException {@code state_mismatch} when the answer carries another state,
     *     {@code in_response_to_mismatch} when it answers another request, {@code idp_error} when the
     *     identity provider could not log out, or the code of the failed check
     * @throws IdpUnavailableException when the identity provider's metadata cannot be loaded
     */
    void finishLogout(String rawQuery, String state);
}
