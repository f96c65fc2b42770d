package be.fedauth.servlet.internal;

import be.fedauth.core.AccessDecision;
import be.fedauth.core.AuthenticatedUser;
import be.fedauth.core.EService;
import be.fedauth.core.Enterprise;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.Guidance;
import be.fedauth.core.Language;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a request to a protected path through only for a logged-in user whose login meets the
 * {@link Requirements} of the path (minimum level, allowed provider, transition still in grace), and
 * for a path protected per e-service only when the {@link be.fedauth.core.AccessPolicy} permits the
 * user in the enterprise the resolver names. A user who is not logged in (or whose session this
 * request found over a limit) is sent to log in (a page request) or gets 401 with
 * {@code not_authenticated} ({@code session_expired}) (other requests); a refused or denied user gets 403 with the guidance in their
 * language and the e-service's helpdesk (and, when the login itself falls short, a link to log in
 * again for this e-service).
 */
public final class AccessGuard {
    private static final Logger LOG = LoggerFactory.getLogger(AccessGuard.class);

    private final Config config;
    private final java.util.List<Map.Entry<String, Optional<EService>>> longestFirst;

    /** A guard for the protected paths of this configuration. */
    public AccessGuard(Config config) {
        this.config = config;
        this.longestFirst = config.protectedPaths().entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, Optional<EService>> e) -> e.getKey().length()).reversed())
                .toList();
    }

    /** Whether the request may go on; when not, the response has been written. */
    public boolean permits(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
        Optional<Map.Entry<String, Optional<EService>>> rule = longestFirst.stream()
                .filter(e -> LocalPaths.isUnder(path, e.getKey())).findFirst();
        if (rule.isEmpty()) {
            return true;
        }
        Optional<EService> eService = rule.get().getValue();
        Optional<AuthenticatedUser> user = Sessions.user(request);
        if (user.isEmpty()) {
            unauthenticated(request, response, path, eService);
            return false;
        }
        Language language = Languages.choose(Requests.langParameter(request), request.getHeader("Accept-Language"),
                user, config.defaultLanguage());
        Optional<ErrorCode> unmet = config.requirements().unmet(user.get(), eService);
        if (unmet.isPresent()) {
            LOG.info("access to {} refused to a session of {} at level {}: {}", eService.map(EService::id).orElse(path),
                    user.get().provider(), user.get().level().value(), unmet.get().id());
            config.audit().record("access_denied", user.get().provider().value(), user, unmet,
                    Map.of("eService", eService.map(EService::id).orElse(""), "level",
                            String.valueOf(user.get().level().value())));
            Guidance guidance = eService.map(s -> Guidance.of(unmet.get(), language, s))
                    .orElseGet(() -> Guidance.of(unmet.get(), language));
            config.pages().refusal(response, HttpServletResponse.SC_FORBIDDEN, true, guidance, eService,
                    Optional.of(loginLocation(request, path, eService)));
            return false;
        }
        if (eService.isEmpty()) {
            return true;
        }
        Optional<Enterprise> enterprise = config.enterpriseResolver().orElseThrow()
                .enterprise(request, user.get(), eService.get());
        if (enterprise.isEmpty()) {
            config.audit().record("access_denied", user.get().provider().value(), user, Optional.of(ErrorCode.ROLE_MISSING),
                    Map.of("eService", eService.get().id(), "enterprise", "none"));
            deny(response, Guidance.of(ErrorCode.ROLE_MISSING, language, eService.get()), eService.get());
            return false;
        }
        AccessDecision decision = config.accessPolicy().decide(user.get(), eService.get(), enterprise.get());
        request.setAttribute(Sessions.DECISION, decision);
        if (decision.isPermitted()) {
            return true;
        }
        LOG.info("access to {} for {} denied: {}", eService.get().id(), enterprise.get().number(),
                decision.reason().orElseThrow());
        config.audit().record("access_denied", user.get().provider().value(), user, decision.reason(),
                Map.of("eService", eService.get().id(), "enterprise", enterprise.get().number().digits()));
        deny(response, decision.guidance(language).orElseThrow(), eService.get());
        return false;
    }

    private void deny(HttpServletResponse response, Guidance guidance, EService eService) throws IOException {
        config.pages().refusal(response, HttpServletResponse.SC_FORBIDDEN, true, guidance, Optional.of(eService),
                Optional.empty());
    }

    private void unauthenticated(HttpServletRequest request, HttpServletResponse response, String path,
                                 Optional<EService> eService) {
        if (isPageRequest(request)) {
            Responses.redirect(response, loginLocation(request, path, eService));
            return;
        }
        Responses.noStore(response);
        // A session this request found over its limit is told apart from no session at all.
        ErrorCode code = request.getAttribute(RequestChecks.EXPIRED) != null ? ErrorCode.SESSION_EXPIRED
                : ErrorCode.NOT_AUTHENTICATED;
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "FedAuth realm=\"" + (Requests.contextPath(request).isEmpty() ? "/"
                : Requests.contextPath(request)) + "\"");
        response.setHeader(Pages.ERROR_HEADER, code.id());
    }

    /** The login page (or endpoint) for this e-service, coming back to this request. */
    private String loginLocation(HttpServletRequest request, String path, Optional<EService> eService) {
        String query = request.getQueryString();
        String back = query == null ? path : path + "?" + query;
        StringBuilder location = new StringBuilder(Requests.contextPath(request))
                .append(config.loginPage().orElse(config.loginPath())).append("?");
        eService.ifPresent(s -> location.append("service=").append(enc(s.id())).append('&'));
        location.append("returnTo=").append(enc(LocalPaths.local(back).filter(p -> !config.isEndpoint(p)).orElse(path)));
        return location.toString();
    }

    /** A GET from a browser navigating (not a script asking for JSON). */
    private static boolean isPageRequest(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return false;
        }
        String accept = request.getHeader("Accept");
        return accept == null || accept.contains("text/html") || !accept.contains("application/json");
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
