package be.fedauth.servlet.internal;

import be.fedauth.core.AccessDecision;
import be.fedauth.core.AuthenticatedUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/**
 * Where the logged-in user lives: one attribute of the HTTP session, next to its
 * {@link SessionLifetime}. A user whose session has reached a limit is not logged in, whoever asks.
 */
public final class Sessions {
    /** The session attribute holding the {@link AuthenticatedUser}. */
    public static final String USER = "be.fedauth.servlet.user";
    /** The session attribute holding the {@link SessionLifetime}. */
    public static final String LIFETIME = "be.fedauth.servlet.lifetime";
    /** The request attribute through which the filter hands its {@link SessionLifetime.Policy} to {@link #login}. */
    public static final String POLICY = "be.fedauth.servlet.sessionPolicy";
    /** The request attribute holding the {@link AccessDecision} of a path protected per e-service. */
    public static final String DECISION = "be.fedauth.servlet.accessDecision";

    private Sessions() {
    }

    /**
     * The user logged in on this request's session, while none of the session's limits is reached
     * (a session without a lifetime, which only a foreign writer of the attribute could make, has no
     * user).
     */
    public static Optional<AuthenticatedUser> user(HttpServletRequest request) {
        return current(request).filter(c -> c.lifetime().reached(c.user()).isEmpty()).map(Current::user);
    }

    /** The user and lifetime kept in this request's session, whether or not a limit is reached. */
    private static Optional<Current> current(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        try {
            if (session.getAttribute(USER) instanceof AuthenticatedUser user
                    && session.getAttribute(LIFETIME) instanceof SessionLifetime lifetime) {
                return Optional.of(new Current(user, lifetime));
            }
            return Optional.empty();
        } catch (IllegalStateException invalidated) {
            return Optional.empty();
        }
    }

    /**
     * Checks the session of this request: if a limit is reached, invalidates it (the user, national
     * number included, leaves it) and returns who it was and which limit; otherwise records the
     * request as activity. Nothing happens without a logged-in user.
     */
    public static Optional<Ended> endIfExpired(HttpServletRequest request) {
        Optional<Current> current = current(request);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Optional<SessionLifetime.Limit> limit = current.get().lifetime().reached(current.get().user());
        if (limit.isEmpty()) {
            current.get().lifetime().touch();
            return Optional.empty();
        }
        logout(request);
        return Optional.of(new Ended(current.get().user(), limit.get()));
    }

    /** A session ended by one of its limits. */
    public record Ended(AuthenticatedUser user, SessionLifetime.Limit limit) {
    }

    private record Current(AuthenticatedUser user, SessionLifetime lifetime) {
    }

    /**
     * Records a login on a session with a new id (OWASP Session Management: renew the session id
     * after any privilege level change), so that an id planted before login is worthless. If the
     * session belonged to someone else, it is discarded with its attributes. The session's lifetime
     * starts again under the policy the filter put on the request ({@link #POLICY}), and the
     * container's own idle timeout is set to the policy's.
     *
     * @throws IllegalStateException outside the filter (no policy on the request): no session without limits
     */
    public static void login(HttpServletRequest request, AuthenticatedUser user) {
        if (!(request.getAttribute(POLICY) instanceof SessionLifetime.Policy policy)) {
            throw new IllegalStateException("a login outside the fedauth filter: no session policy on the request");
        }
        Optional<AuthenticatedUser> previous = current(request).map(Current::user);
        if (previous.isPresent() && !previous.get().identity().equals(user.identity())) {
            try {
                request.getSession(false).invalidate();
            } catch (IllegalStateException alreadyInvalid) {
                // Ended meanwhile: a new session follows anyway.
            }
        }
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        session.setMaxInactiveInterval(policy.idleSeconds());
        session.setAttribute(LIFETIME, policy.start());
        session.setAttribute(USER, user);
    }

    /** Ends the session, and returns who was logged in on it. */
    public static Optional<AuthenticatedUser> logout(HttpServletRequest request) {
        Optional<AuthenticatedUser> user = user(request);
        HttpSession session = request.getSession(false);
        if (session != null) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyInvalid) {
                // Nothing left to end.
            }
        }
        return user;
    }

    /** The access decision made for this request, if its path is protected per e-service. */
    public static Optional<AccessDecision> decision(HttpServletRequest request) {
        return request.getAttribute(DECISION) instanceof AccessDecision d ? Optional.of(d) : Optional.empty();
    }
}
