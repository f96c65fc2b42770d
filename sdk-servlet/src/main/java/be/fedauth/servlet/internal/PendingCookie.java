package be.fedauth.servlet.internal;

import be.fedauth.core.AuthenticationException;
import be.fedauth.core.ErrorCode;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The cookie that carries a pending login (sealed, or a store handle) from the login endpoint to the
 * callback, with the protocol name that chose the provider: {@code <protocol>.<value>}.
 *
 * <p>HttpOnly (scripts cannot read it), SameSite=Lax (RFC 6265bis section 5.4.7: not sent on
 * cross-site subresource requests or POSTs), living as long as the pending login, deleted when the
 * callback arrives. Whether it is {@code Secure} is decided by the configuration (the public URL's
 * scheme), never by the request's {@code Host} header, which a reverse proxy may rewrite to
 * loopback. A {@code Secure} cookie is named {@code __Host-fedauth_pending} (with the context path
 * appended when there is one) and scoped to {@code Path=/} without {@code Domain}: browsers accept a
 * cookie of that name only from this very host over HTTPS (RFC 6265bis section 4.1.3.2), so a
 * sibling subdomain cannot plant a pending login of its own (login CSRF). Only the name the
 * configuration gives is read: a {@code fedauth_pending} cookie next to a {@code __Host-} one is
 * ignored (and deleted at the callback). A cookie that is not {@code Secure} keeps the plain name,
 * scoped to the callbacks' common parent path.
 */
public final class PendingCookie {
    /** The cookie's name when it is not Secure, and the base of the {@code __Host-} name. */
    public static final String NAME = "fedauth_pending";
    /** The prefix of a Secure pending-login cookie's name. */
    public static final String HOST_PREFIX = "__Host-";
    private static final Pattern VALUE = Pattern.compile("([a-z0-9][a-z0-9-]{0,19})\\.([A-Za-z0-9_-]{1,4096})");

    /** When the cookie is {@code Secure}. */
    public enum Security {
        /** Always: the public URL is https, or none is configured and plain-HTTP cookies are not allowed. */
        ALWAYS,
        /** Never: the public URL is plain http (loopback, or plain-HTTP cookies allowed). */
        NEVER,
        /** When the container sees the request as HTTPS: no public URL, plain-HTTP cookies allowed. */
        WHEN_REQUEST_IS_SECURE
    }

    private final CookieShape shape;

    /**
     * @param contextPath the deployed context path ("" at the root)
     * @param callbackPaths the callback paths within it
     * @param security when the cookie is Secure
     */
    public PendingCookie(String contextPath, java.util.List<String> callbackPaths, Security security) {
        this.shape = new CookieShape(NAME, hostName(contextPath), pathFor(contextPath, callbackPaths), security);
    }

    /**
     * The {@code __Host-} name: one per context path, since the cookie's path is {@code /} and
     * several applications on one host must not overwrite each other's pending logins.
     */
    static String hostName(String contextPath) {
        return hostName(NAME, contextPath);
    }

    /** The {@code __Host-} name of a cookie named {@code base}, one per context path. */
    static String hostName(String base, String contextPath) {
        String suffix = contextPath.replaceAll("[^A-Za-z0-9]", "_").replaceAll("^_+", "");
        return HOST_PREFIX + base + (suffix.isEmpty() ? "" : "_" + suffix);
    }

    /** The deepest directory that holds every callback path, under the context path. */
    public static String pathFor(String contextPath, java.util.List<String> callbackPaths) {
        String common = callbackPaths.get(0);
        for (String p : callbackPaths) {
            while (!LocalPaths.isUnder(p, common)) {
                common = common.substring(0, Math.max(common.lastIndexOf('/'), 0));
                if (common.isEmpty()) {
                    common = "/";
                }
            }
        }
        String full = contextPath + (common.equals("/") ? "" : common);
        return full.isEmpty() ? "/" : full;
    }

    /** Sets the cookie for a pending login that lives {@code lifetime}. */
    public void write(HttpServletRequest request, HttpServletResponse response, String protocol, String value,
                      Duration lifetime) {
        Cookie cookie = base(secure(request), protocol + "." + value);
        cookie.setMaxAge((int) Math.max(1, Math.min(lifetime.toSeconds(), Integer.MAX_VALUE)));
        response.addCookie(cookie);
    }

    /**
     * Deletes the cookie in the browser; with a {@code __Host-} name, also a plain-named one the
     * request carried (left from before the rename, or planted).
     */
    public void delete(HttpServletRequest request, HttpServletResponse response) {
        boolean secure = secure(request);
        Cookie cookie = base(secure, "");
        cookie.setMaxAge(0);
        response.addCookie(cookie);
        if (secure && find(request, NAME).isPresent()) {
            Cookie legacy = base(false, "");
            legacy.setMaxAge(0);
            response.addCookie(legacy);
        }
    }

    private Cookie base(boolean secure, String value) {
        return shape.make(secure, value);
    }

    private boolean secure(HttpServletRequest request) {
        return shape.secure(request);
    }

    /** The name this request's cookie has. */
    private String name(HttpServletRequest request) {
        return secure(request) ? shape.hostName() : NAME;
    }

    /** Whether the request carries the cookie at all. */
    public boolean present(HttpServletRequest request) {
        return find(request, name(request)).isPresent();
    }

    private static Optional<String> find(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie c : cookies) {
            if (name.equals(c.getName()) && !c.getValue().isEmpty()) {
                return Optional.of(c.getValue());
            }
        }
        return Optional.empty();
    }

    /**
     * The protocol name and value from the request's cookie (of the name the configuration gives).
     *
     * @throws AuthenticationException {@code pending_login_not_found} when absent,
     *     {@code pending_login_invalid} when malformed or sent twice (a second cookie of this name can only
     *     come from another path or a sibling domain, which the callback must not trust)
     */
    public Carried read(HttpServletRequest request) {
        String name = name(request);
        Cookie[] cookies = request.getCookies();
        Optional<String> found = Optional.empty();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (name.equals(c.getName()) && !c.getValue().isEmpty()) {
                    if (found.isPresent()) {
                        throw new AuthenticationException(ErrorCode.PENDING_LOGIN_INVALID,
                                "more than one pending-login cookie");
                    }
                    found = Optional.of(c.getValue());
                }
            }
        }
        String raw = found.orElseThrow(() -> new AuthenticationException(ErrorCode.PENDING_LOGIN_NOT_FOUND,
                "no pending-login cookie: the login was not started in this browser, or the cookie expired"));
        var matcher = VALUE.matcher(raw);
        if (!matcher.matches()) {
            throw new AuthenticationException(ErrorCode.PENDING_LOGIN_INVALID, "malformed pending-login cookie");
        }
        return new Carried(matcher.group(1), matcher.group(2));
    }

    /** What the cookie carries. */
    public record Carried(String protocol, String value) {
    }
}
