package be.fedauth.servlet.internal;

import be.fedauth.core.AuthenticationException;
import be.fedauth.core.ErrorCode;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The cookie that carries a pending login (sealed, or a store handle) from the login endpoint to the
 * callback, with the protocol name that chose the provider: {@code <protocol>.<value>}.
 *
 * <p>HttpOnly (scripts cannot read it), SameSite=Lax (RFC 6265bis section 5.4.7: not sent on
 * cross-site subresource requests or POSTs), scoped to the callback paths, living as long as the
 * pending login, deleted when the callback arrives. Secure whenever the request came over HTTPS or
 * to a host other than loopback, so that a plain-HTTP deployment behind a proxy still marks it
 * Secure; only {@code allowPlainHttpCookies} lifts that.
 */
public final class PendingCookie {
    /** The cookie's name. */
    public static final String NAME = "fedauth_pending";
    private static final Pattern VALUE = Pattern.compile("([a-z0-9][a-z0-9-]{0,19})\\.([A-Za-z0-9_-]{1,4096})");

    private final String path;
    private final boolean plainHttpAllowed;

    /**
     * @param path the cookie path (context path plus the callback paths' common parent)
     * @param plainHttpAllowed whether to leave out {@code Secure} on plain HTTP to any host
     */
    public PendingCookie(String path, boolean plainHttpAllowed) {
        this.path = path;
        this.plainHttpAllowed = plainHttpAllowed;
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
        Cookie cookie = base(request, protocol + "." + value);
        cookie.setMaxAge((int) Math.max(1, Math.min(lifetime.toSeconds(), Integer.MAX_VALUE)));
        response.addCookie(cookie);
    }

    /** Deletes the cookie in the browser. */
    public void delete(HttpServletRequest request, HttpServletResponse response) {
        Cookie cookie = base(request, "");
        cookie.setMaxAge(0);
        response.addCookie(cookie);
    }

    private Cookie base(HttpServletRequest request, String value) {
        Cookie cookie = new Cookie(NAME, value);
        cookie.setHttpOnly(true);
        cookie.setSecure(secure(request));
        cookie.setPath(path);
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }

    private boolean secure(HttpServletRequest request) {
        if (request.isSecure()) {
            return true;
        }
        return !plainHttpAllowed && !isLoopback(request.getServerName());
    }

    private static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        // Only literal addresses: a name from the Host header is never resolved here (an IPv6 literal has a colon,
        // so "cafe" or "bad" cannot pass for one).
        if (!bare.matches("[0-9.]+") && !(bare.indexOf(':') >= 0 && bare.matches("[0-9a-fA-F:.]+"))) {
            return false;
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Whether the request carries the cookie at all. */
    public static boolean present(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        for (Cookie c : cookies) {
            if (NAME.equals(c.getName()) && !c.getValue().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The protocol name and value from the request's cookie.
     *
     * @throws AuthenticationException {@code pending_login_not_found} when absent,
     *     {@code pending_login_invalid} when malformed or sent twice (a second cookie of this name can only
     *     come from another path or a sibling domain, which the callback must not trust)
     */
    public static Carried read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        Optional<String> found = Optional.empty();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (NAME.equals(c.getName()) && !c.getValue().isEmpty()) {
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
