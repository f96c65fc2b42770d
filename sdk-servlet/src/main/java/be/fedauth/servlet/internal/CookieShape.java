package be.fedauth.servlet.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/**
 * How fedauth's short-lived cookies are made: HttpOnly, SameSite=Lax, and either {@code Secure} with
 * the {@code __Host-} name on {@code Path=/}, or plain and scoped to the endpoint that reads it.
 *
 * @param name the plain cookie name
 * @param hostName the {@code __Host-} name
 * @param plainPath the path of the plain cookie
 * @param security when the cookie is Secure
 */
record CookieShape(String name, String hostName, String plainPath, PendingCookie.Security security) {

    /** A cookie of this shape, Secure or not, with this value (attributes other than max-age set). */
    Cookie make(boolean secure, String value) {
        Cookie cookie = new Cookie(secure ? hostName : name, value);
        cookie.setHttpOnly(true);
        cookie.setSecure(secure);
        cookie.setPath(secure ? "/" : plainPath);
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }

    /** Whether this request's cookie is the Secure one. */
    boolean secure(HttpServletRequest request) {
        return switch (security) {
            case ALWAYS -> true;
            case NEVER -> false;
            case WHEN_REQUEST_IS_SECURE -> request.isSecure();
        };
    }
}
