package be.fedauth.servlet.internal;

import be.fedauth.core.AccessDecision;
import be.fedauth.core.AuthenticatedUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/** Where the logged-in user lives: one attribute of the HTTP session. */
public final class Sessions {
    /** The session attribute holding the {@link AuthenticatedUser}. */
    public static final String USER = "be.fedauth.servlet.user";
    /** The request attribute holding the {@link AccessDecision} of a path protected per e-service. */
    public static final String DECISION = "be.fedauth.servlet.accessDecision";

    private Sessions() {
    }

    /** The user logged in on this request's session. */
    public static Optional<AuthenticatedUser> user(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        try {
            return session.getAttribute(USER) instanceof AuthenticatedUser user ? Optional.of(user) : Optional.empty();
        } catch (IllegalStateException invalidated) {
            return Optional.empty();
        }
    }

    /**
     * Records a login on a session with a new id (OWASP Session Management: renew the session id
     * after any privilege level change), so that an id planted before login is worthless. If the
     * session belonged to someone else, it is discarded with its attributes.
     */
    public static void login(HttpServletRequest request, AuthenticatedUser user) {
        Optional<AuthenticatedUser> previous = user(request);
        if (previous.isPresent() && !previous.get().identity().equals(user.identity())) {
            try {
                request.getSession(false).invalidate();
            } catch (IllegalStateException alreadyInvalid) {
                // Ended meanwhile: a new session follows anyway.
            }
        }
        HttpSession session = request.getSession(true);
        request.changeSessionId();
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
