package be.fedauth.servlet;

import be.fedauth.core.AccessDecision;
import be.fedauth.core.AuthenticatedUser;
import be.fedauth.servlet.internal.Sessions;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;
import java.util.Optional;

/** What {@link FedAuthFilter} knows about the current request, for the application's own code. */
public final class FedAuthSession {
    private FedAuthSession() {
    }

    /**
     * The user logged in on this request's session; empty when nobody is, or when the session has
     * reached its idle timeout, maximum lifetime or the identity provider's limit (by the settings'
     * clock). Never creates a session.
     */
    public static Optional<AuthenticatedUser> user(HttpServletRequest request) {
        return Sessions.user(Objects.requireNonNull(request, "request"));
    }

    /**
     * The access decision the filter made for this request, when its path is protected per e-service
     * (only permits reach the application; a denial was answered with 403).
     */
    public static Optional<AccessDecision> accessDecision(HttpServletRequest request) {
        return Sessions.decision(Objects.requireNonNull(request, "request"));
    }
}
