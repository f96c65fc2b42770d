package be.fedauth.core;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to end the user's session at the identity provider.
 *
 * @param session the session reference of the {@link AuthenticatedUser}
 * @param postLogoutRedirect where the identity provider sends the browser afterwards, if it supports it
 * @param state a value echoed back to the post-logout page, if any
 */
public record LogoutRequest(SessionReference session, Optional<URI> postLogoutRedirect, Optional<String> state) {
    /** Validates. */
    public LogoutRequest {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(postLogoutRedirect, "postLogoutRedirect");
        Objects.requireNonNull(state, "state");
    }

    /** Logout of a user, with no return address. */
    public static LogoutRequest of(AuthenticatedUser user) {
        return new LogoutRequest(user.session(), Optional.empty(), Optional.empty());
    }

    /** Logout of a user, returning to {@code postLogoutRedirect}. */
    public static LogoutRequest of(AuthenticatedUser user, URI postLogoutRedirect) {
        return new LogoutRequest(user.session(), Optional.of(postLogoutRedirect), Optional.empty());
    }
}
