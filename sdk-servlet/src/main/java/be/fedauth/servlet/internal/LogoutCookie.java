package be.fedauth.servlet.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The cookie that keeps the state of a logout this application started at the identity provider
 * (SAML Single Logout), from the logout endpoint to the single-logout endpoint where the identity
 * provider's answer arrives. The session has already ended when the browser leaves, so the state
 * cannot wait in it.
 *
 * <p>Built like the pending-login cookie ({@link PendingCookie}): HttpOnly, SameSite=Lax (the answer
 * arrives by a top-level GET redirect, which carries Lax cookies), {@code Secure} and
 * {@code __Host-fedauth_logout} named on {@code Path=/} when the configuration makes cookies Secure,
 * else {@code fedauth_logout} scoped to the single-logout path. It lives {@link #LIFETIME} and is
 * deleted when the answer arrives, so a state is checked once.
 */
public final class LogoutCookie {
    /** The cookie's name when it is not Secure, and the base of the {@code __Host-} name. */
    public static final String NAME = "fedauth_logout";
    /** How long the identity provider may take to answer: its logout page may ask the user something. */
    public static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final Pattern STATE = Pattern.compile("[A-Za-z0-9_-]{16,128}");

    private final CookieShape shape;

    /**
     * @param contextPath the deployed context path ("" at the root)
     * @param singleLogoutPath the single-logout endpoint within it
     * @param security when the cookie is Secure
     */
    public LogoutCookie(String contextPath, String singleLogoutPath, PendingCookie.Security security) {
        this.shape = new CookieShape(NAME, PendingCookie.hostName(NAME, contextPath), contextPath + singleLogoutPath,
                security);
    }

    /** Keeps the state of the logout just started. */
    public void write(HttpServletRequest request, HttpServletResponse response, String state) {
        if (!STATE.matcher(state).matches()) {
            throw new IllegalArgumentException("a logout state is 16 to 128 base64url characters");
        }
        Cookie cookie = base(secure(request), state);
        cookie.setMaxAge((int) LIFETIME.toSeconds());
        response.addCookie(cookie);
    }

    /**
     * The state this browser keeps, once: the cookie is deleted in the same response. Empty when there
     * is none, when it is malformed, or when the browser sent two (the second can only come from
     * another path or a sibling domain).
     */
    public Optional<String> take(HttpServletRequest request, HttpServletResponse response) {
        boolean secure = secure(request);
        Cookie deleted = base(secure, "");
        deleted.setMaxAge(0);
        response.addCookie(deleted);
        String name = secure ? shape.hostName() : NAME;
        Cookie[] cookies = request.getCookies();
        Optional<String> found = Optional.empty();
        for (Cookie c : cookies == null ? new Cookie[0] : cookies) {
            if (name.equals(c.getName()) && !c.getValue().isEmpty()) {
                if (found.isPresent()) {
                    return Optional.empty();
                }
                found = Optional.of(c.getValue());
            }
        }
        return found.filter(v -> STATE.matcher(v).matches());
    }

    private Cookie base(boolean secure, String value) {
        return shape.make(secure, value);
    }

    private boolean secure(HttpServletRequest request) {
        return shape.secure(request);
    }
}
