package be.fedauth.servlet.internal;

import be.fedauth.core.ErrorCode;
import be.fedauth.core.Guidance;
import be.fedauth.core.Language;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the filter checks on a request before it routes it: that the logged-in session, if any, has
 * reached none of its limits, and, for its own endpoints, that the container can read the
 * parameters whole (else the container's bare 400 would answer when an endpoint reads them).
 */
public final class RequestChecks {
    /** The request attribute set when this request ended its session by a limit (its value: the limit's id). */
    public static final String EXPIRED = "be.fedauth.servlet.sessionExpired";
    private static final Logger LOG = LoggerFactory.getLogger(RequestChecks.class);

    private final Config config;
    private final PendingCookie cookie;

    /** Checks with this configuration; a refused callback deletes this cookie, as every callback answer does. */
    public RequestChecks(Config config, PendingCookie cookie) {
        this.config = config;
        this.cookie = cookie;
    }

    /**
     * Ends the request's session if it has reached its idle timeout, its maximum lifetime or the
     * identity provider's limit: the session is invalidated (the user, national number included,
     * leaves memory with it), a {@code session_expired} audit event names the limit, and the request
     * is marked {@link #EXPIRED} so that a protected path answers {@code session_expired}. Otherwise
     * the request counts as activity of the session. Also puts the session policy on the request for
     * a login ({@link Sessions#login}).
     */
    public void sessionLimits(HttpServletRequest request) {
        request.setAttribute(Sessions.POLICY, config.sessionPolicy());
        Optional<Sessions.Ended> ended = Sessions.endIfExpired(request);
        if (ended.isEmpty()) {
            return;
        }
        String limit = ended.get().limit().id();
        request.setAttribute(EXPIRED, limit);
        LOG.info("session of a login through {} ended: {} limit reached", ended.get().user().provider(), limit);
        config.audit().record("session_expired", ended.get().user().provider().value(), Optional.of(ended.get().user()),
                Optional.of(ErrorCode.SESSION_EXPIRED), Map.of("limit", limit));
    }

    /**
     * Whether the endpoint may read the request's parameters; when not, the response is the refusal
     * page (400) with {@code code} in {@code FedAuth-Error} and the reason logged at INFO.
     *
     * @param callback whether the request is a callback (then audited as {@code pending_login_refused}
     *     and the pending-login cookie deleted, as for any other callback answer)
     */
    public boolean parametersReadable(HttpServletRequest request, HttpServletResponse response, ErrorCode code,
                                      boolean callback) throws IOException {
        Optional<String> problem = Requests.unreadableParameters(request);
        if (problem.isEmpty()) {
            return true;
        }
        LOG.info("{} refused with {}: {}", callback ? "callback" : "login request", code.id(), problem.get());
        Language language = Languages.choose(null, request.getHeader("Accept-Language"), Optional.empty(),
                config.defaultLanguage());
        Optional<String> retry = Optional.empty();
        if (callback) {
            cookie.delete(request, response);
            config.audit().record("pending_login_refused", "none", Optional.empty(), Optional.of(code),
                    Map.of("reason", "unreadable_parameters"));
            retry = Optional.of(Requests.contextPath(request) + config.loginPath());
        }
        config.pages().refusal(response, HttpServletResponse.SC_BAD_REQUEST, false, Guidance.of(code, language),
                Optional.empty(), retry);
        return false;
    }
}
