package be.fedauth.servlet.spi;

import be.fedauth.core.AuthenticatedUser;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Completes a user the provider verified with what the application knows itself, before the user is
 * kept in the session: for example role proposals from role management that the identity provider does
 * not release (it releases accepted roles only), so that {@link be.fedauth.core.AccessPolicy} can tell
 * the user to accept them. Called once per successful login; thread-safe; it must not throw for
 * an ordinary user (an exception fails the login).
 */
@FunctionalInterface
public interface UserEnricher {

    /** Returns the user unchanged. */
    UserEnricher NONE = (request, user) -> user;

    /** The user to keep in the session: {@code user} itself, or a copy with more roles, mandates or notices. */
    AuthenticatedUser enrich(HttpServletRequest request, AuthenticatedUser user);
}
