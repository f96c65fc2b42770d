package be.fedauth.core;

import java.util.Set;

/**
 * Logs a user in through one identity provider, over one protocol. Framework-neutral: the
 * application sends the browser to the returned redirect, keeps the {@link PendingLogin}, and hands
 * the browser's callback back to {@link #finishLogin}.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface AuthenticationProvider {

    /** This provider's name, recorded in pending logins and authenticated users. */
    ProviderId id();

    /**
     * Whether {@link #finishLogin} takes a pending login that names {@code provider}: by default only
     * this provider's own; a provider that routes to others (a {@link TransitionAuthenticationProvider})
     * also takes theirs.
     */
    default boolean finishes(ProviderId provider) {
        return id().equals(provider);
    }

    /**
     * Why sessions made by {@code provider}'s logins must end now, if they must: a transition whose
     * grace period ended ends its legacy provider's sessions ({@code transition_grace_expired}).
     * Empty by default.
     */
    default java.util.Optional<ErrorCode> endsSessionsOf(ProviderId provider) {
        return java.util.Optional.empty();
    }

    /** The digital keys a user can log in with through this provider, now. */
    Set<DigitalKey> keys();

    /**
     * Starts a login.
     *
     * @throws AuthenticationException {@link ErrorCode#KEY_NOT_OFFERED}, {@link ErrorCode#KEY_RETIRED},
     *     {@link ErrorCode#PROVIDER_NOT_OFFERED} when the request cannot be served
     * @throws IdpUnavailableException when the provider's metadata cannot be fetched
     */
    LoginRedirect startLogin(LoginRequest request);

    /**
     * Finishes a login: validates the callback against the pending login and everything the identity
     * provider returned. Never returns a user that did not pass every check. Implementations finish
     * through {@link LoginChecks#finish}, which owns the rules every login shares (pending login,
     * state used once, level, retired keys, audit); the servlet filter relies on it.
     *
     * @throws AuthenticationException with the code of the first check that failed
     * @throws IdpUnavailableException when the identity provider cannot be reached or answers garbage
     */
    AuthenticatedUser finishLogin(CallbackRequest callback, PendingLogin pending);

    /** Where to send the browser to end the session at the identity provider. */
    HttpRedirect startLogout(LogoutRequest request);

    /**
     * This relying party's own metadata, to register it at the identity provider in one step (SAML 2.0
     * service-provider metadata, signed), when the protocol has such a document. Empty by default.
     */
    default java.util.Optional<String> serviceProviderMetadata() {
        return java.util.Optional.empty();
    }

    /**
     * The logout messages the identity provider sends through the browser for this provider's
     * sessions (SAML Single Logout), when the provider is configured to take part. When present, an
     * application gives {@link #startLogout} a fresh random {@link LogoutRequest#state() state}, keeps
     * it, and checks the identity provider's answer with {@link SingleLogout#finishLogout}. Empty by
     * default.
     */
    default java.util.Optional<SingleLogout> singleLogout() {
        return java.util.Optional.empty();
    }
}
