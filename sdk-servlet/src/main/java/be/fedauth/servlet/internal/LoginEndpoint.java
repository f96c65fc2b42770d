package be.fedauth.servlet.internal;

import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.AuthenticationException;
import be.fedauth.core.AuthenticationProvider;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.EService;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.FedAuthException;
import be.fedauth.core.Guidance;
import be.fedauth.core.Language;
import be.fedauth.core.LoginRedirect;
import be.fedauth.core.LoginRequest;
import be.fedauth.core.PendingLogin;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /login?service=NCTS&protocol=oidc&key=EID&returnTo=/ncts&lang=nl}: starts a login with
 * the provider the protocol names for the e-service, keeps the pending login in the cookie and sends
 * the browser to the identity provider. Every parameter is optional. A {@code returnTo} that is not a
 * local path (no open redirect), or that names one of the filter's endpoints (no login loop), is
 * ignored; the default is the first path protected for the e-service, else the after-login path.
 */
public final class LoginEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(LoginEndpoint.class);

    private final Config config;
    private final PendingCookie cookie;

    /** An endpoint with this configuration, writing this cookie. */
    public LoginEndpoint(Config config, PendingCookie cookie) {
        this.config = config;
        this.cookie = cookie;
    }

    /** Handles one request to the login path. */
    public void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"GET".equals(request.getMethod())) {
            Requests.methodNotAllowed(response, "GET");
            return;
        }
        Language language = Languages.choose(Requests.langParameter(request), request.getHeader("Accept-Language"),
                Sessions.user(request), config.defaultLanguage());
        Optional<EService> eService = Optional.empty();
        try {
            eService = Requests.single(request, "service").map(id -> config.eService(id).orElseThrow(() ->
                    new AuthenticationException(ErrorCode.LOGIN_REQUEST_INVALID, "unknown e-service")));
            Optional<String> serviceId = eService.map(EService::id);
            String protocol = Requests.single(request, "protocol").map(p -> p.toLowerCase(Locale.ROOT))
                    .orElseGet(() -> config.routes().defaultProtocol(serviceId));
            Optional<EService> service = eService;
            AuthenticationProvider provider = config.routes().provider(protocol, serviceId)
                    .filter(p -> config.requirements().mayStartThrough(p, service)).orElseThrow(() ->
                    new AuthenticationException(ErrorCode.PROVIDER_NOT_OFFERED, "no allowed provider for this protocol"));
            // The e-service's level (not the user's choice of key) decides what the login must reach.
            AssuranceLevel minimum = config.requirements().minimumLevel(eService);
            LoginRequest.Builder login = LoginRequest.builder().language(language).minimumLevel(minimum)
                    .returnTo(returnTo(request, eService));
            eService.ifPresent(login::eService);
            Optional<DigitalKey> key = Requests.single(request, "key").map(LoginEndpoint::key);
            if (key.isPresent() && !key.get().satisfies(minimum)) {
                throw new AuthenticationException(ErrorCode.LEVEL_TOO_LOW, "the key " + key.get()
                        + " is below the level " + minimum.value() + " this login needs");
            }
            key.ifPresent(login::key);

            LoginRedirect redirect = provider.startLogin(login.build());
            PendingLogin pending = redirect.pendingLogin();
            String value = config.pendingLogins().keep(pending);
            cookie.write(request, response, protocol, value,
                    Duration.between(config.clock().instant(), pending.expiresAt()));
            LOG.debug("login started through {} ({}) for {}", provider.id(), protocol, serviceId.orElse("no e-service"));
            Requests.send(response, redirect.redirect(), config.pages(), language);
        } catch (FedAuthException e) {
            LOG.info("login not started: {}", e.getMessage());
            Guidance guidance = eService.map(s -> Guidance.of(e.code(), language, s))
                    .orElseGet(() -> Guidance.of(e.code(), language));
            config.pages().refusal(response, Responses.status(e), false, guidance, eService, Optional.empty());
        }
    }

    private String returnTo(HttpServletRequest request, Optional<EService> eService) {
        // Longer than a local path may be: read it anyway, so that it is ignored rather than refused.
        Optional<String> asked = Requests.single(request, "returnTo", 8192);
        Optional<String> local = asked.flatMap(LocalPaths::local).filter(path -> !isEndpoint(path));
        if (asked.isPresent() && local.isEmpty()) {
            LOG.warn("login: a returnTo that is not a local page was ignored");
        }
        return local.orElseGet(() -> eService.flatMap(s -> config.protectedPaths().entrySet().stream()
                        .filter(e -> e.getValue().equals(Optional.of(s))).map(java.util.Map.Entry::getKey).findFirst())
                .orElse(config.afterLoginPath()));
    }

    /** Returning to an endpoint would start another login (a loop) or log out at once. */
    private boolean isEndpoint(String path) {
        return config.isEndpoint(path);
    }

    private static DigitalKey key(String name) {
        try {
            return DigitalKey.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AuthenticationException(ErrorCode.KEY_NOT_OFFERED, "unknown digital key");
        }
    }
}
