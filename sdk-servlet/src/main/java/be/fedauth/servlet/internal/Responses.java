package be.fedauth.servlet.internal;

import be.fedauth.core.ErrorCode;
import be.fedauth.core.FedAuthException;
import jakarta.servlet.http.HttpServletResponse;

/** Headers and statuses shared by the endpoints. */
public final class Responses {
    private Responses() {
    }

    /**
     * Headers for every endpoint response: not cached (it may set a cookie or carry a code), not
     * sniffed, and no {@code Referer} leaking the callback's query (RFC 9700 section 4.2.4).
     */
    public static void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
    }

    /**
     * A 302 to a path of this application. The Location is written as given (not through
     * {@code sendRedirect}, which could append a session id to the URL).
     */
    public static void redirect(HttpServletResponse response, String location) {
        noStore(response);
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", location);
    }

    /** The HTTP status for a failure. */
    public static int status(FedAuthException e) {
        ErrorCode code = e.code();
        return switch (code) {
            case INVALID_CONFIGURATION -> HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
            case IDP_UNAVAILABLE, IDP_INVALID_RESPONSE, IDP_ERROR -> HttpServletResponse.SC_BAD_GATEWAY;
            case STORE_UNAVAILABLE -> HttpServletResponse.SC_SERVICE_UNAVAILABLE;
            case NOT_AUTHENTICATED, SESSION_EXPIRED -> HttpServletResponse.SC_UNAUTHORIZED;
            case ROLE_MISSING, ROLE_NOT_ACCEPTED, ROLE_REVOKED, ROLE_EXPIRED, MANDATE_NOT_SIGNED, MANDATE_EXPIRED,
                    MANDATE_NOT_COVERING, MANDATES_NOT_SUPPORTED, FOREIGNER_TOKEN_ONLY, TRANSITION_GRACE_EXPIRED ->
                    HttpServletResponse.SC_FORBIDDEN;
            default -> HttpServletResponse.SC_BAD_REQUEST;
        };
    }
}
