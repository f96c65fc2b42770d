package be.fedauth.servlet.internal;

import be.fedauth.core.AuthenticatedUser;
import be.fedauth.core.AuthenticationException;
import be.fedauth.core.AuthenticationProvider;
import be.fedauth.core.CallbackRequest;
import be.fedauth.core.EService;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.FedAuthException;
import be.fedauth.core.Guidance;
import be.fedauth.core.Language;
import be.fedauth.core.PendingLogin;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OIDC redirect URI (a GET) and the SAML assertion consumer service (a POST): takes the pending
 * login out of the cookie (once), lets the provider that started the login verify the callback, and
 * logs the user in on a session with a new id.
 *
 * <p><b>The cross-site POST.</b> A SAML response arrives as a form that the identity provider's page
 * posts to this site. Browsers do not send SameSite=Lax cookies with such a cross-site POST (RFC
 * 6265bis section 5.4.7.1), so the pending-login cookie is missing. The endpoint then answers with a
 * page that posts the same fields again, from this site's own origin, with a marker field; that POST
 * is same-site, and the browser sends the cookie. The response is verified only on that second POST,
 * against the cookie of the browser that started the login: a response that an attacker makes a
 * victim's browser post finds either no cookie ({@code pending_login_not_found}) or the victim's own
 * pending login, whose request id the attacker's response does not answer
 * ({@code in_response_to_mismatch}). The cookie therefore never needs SameSite=None.
 */
public final class CallbackEndpoint {
    /** The field added to the second, same-site POST. */
    public static final String RESUBMITTED = "fedauth_resubmitted";
    private static final Logger LOG = LoggerFactory.getLogger(CallbackEndpoint.class);

    private final Config config;
    private final PendingCookie cookie;

    /** An endpoint with this configuration, reading and deleting this cookie. */
    public CallbackEndpoint(Config config, PendingCookie cookie) {
        this.config = config;
        this.cookie = cookie;
    }

    /** Handles one request to a callback path. */
    public void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"POST".equals(method)) {
            Requests.methodNotAllowed(response, "GET, POST");
            return;
        }
        Language language = Languages.choose(Requests.langParameter(request), request.getHeader("Accept-Language"),
                Optional.empty(), config.defaultLanguage());
        boolean resubmitted = request.getParameterValues(RESUBMITTED) != null;
        if ("POST".equals(method) && !resubmitted && !cookie.present(request)) {
            Map<String, List<String>> fields = parameters(request);
            fields.put(RESUBMITTED, List.of("1"));
            // The deployed context path and the configured callback path this request matched (the filter
            // routes here only on an exact match), never the raw request URI, which could read as another
            // host ("//x").
            String callbackPath = config.callbackPaths().stream().filter(Requests.path(request)::equals).findFirst()
                    .orElseThrow();
            config.pages().autoPost(response, Requests.contextPath(request) + callbackPath, fields, language, true);
            return;
        }
        cookie.delete(request, response);
        Optional<EService> eService = Optional.empty();
        boolean providerRan = false;
        try {
            PendingCookie.Carried carried = cookie.read(request);
            PendingLogin pending = config.pendingLogins().take(carried.value());
            eService = config.eServiceExact(pending.eServiceId());
            AuthenticationProvider provider = config.routes().provider(carried.protocol(), pending.eServiceId())
                    .filter(p -> Routes.covers(p, pending.provider()))
                    .orElseThrow(() -> new AuthenticationException(ErrorCode.PENDING_LOGIN_INVALID,
                            "the pending login was not started by the provider of this protocol"));
            providerRan = true;
            AuthenticatedUser verified = provider.finishLogin(new CallbackRequest(method, parameters(request)), pending);
            AuthenticatedUser user = config.userEnricher().enrich(request, verified);
            Sessions.login(request, user);
            config.audit().record("session_started", user.provider().value(), Optional.of(user), Optional.empty(),
                    Map.of("key", user.key().name(), "level", String.valueOf(user.level().value()),
                            "eService", pending.eServiceId().orElse("")));
            LOG.info("login through {} with {} at {}", user.provider(), user.key(), user.level());
            String path = pending.returnTo().flatMap(LocalPaths::local).orElse(config.afterLoginPath());
            Responses.redirect(response, Requests.contextPath(request) + path);
        } catch (FedAuthException e) {
            LOG.info("login refused: {}", e.getMessage());
            if (!providerRan) {
                // The providers audit their own refusals; these never reached one.
                config.audit().record("pending_login_refused", "none", Optional.empty(), Optional.of(e.code()), Map.of());
            }
            Optional<EService> service = eService;
            Guidance guidance = service.map(s -> Guidance.of(e.code(), language, s))
                    .orElseGet(() -> Guidance.of(e.code(), language));
            String retry = Requests.contextPath(request) + config.loginPath()
                    + service.map(s -> "?service=" + URLEncoder.encode(s.id(), StandardCharsets.UTF_8)).orElse("");
            config.pages().refusal(response, Responses.status(e), false, guidance, service, Optional.of(retry));
        }
    }

    /** The callback's parameters without the marker, each with all its values in arrival order. */
    private static Map<String, List<String>> parameters(HttpServletRequest request) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!RESUBMITTED.equals(name)) {
                parameters.put(name, List.of(values));
            }
        });
        return parameters;
    }
}
