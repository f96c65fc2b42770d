package be.fedauth.servlet.internal;

import be.fedauth.core.AuthenticatedUser;
import be.fedauth.core.AuthenticationProvider;
import be.fedauth.core.FedAuthException;
import be.fedauth.core.HttpRedirect;
import be.fedauth.core.Language;
import be.fedauth.core.LogoutRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET} or {@code POST /logout}: ends the local session first, then sends the browser to the
 * identity provider that logged the user in to end the session there. When the provider cannot
 * (it has no logout, or fails), the local logout stands and the browser goes to the after-logout path.
 *
 * <p>For a provider that takes part in single logout ({@link AuthenticationProvider#singleLogout()}),
 * the logout request carries a fresh random state, kept in the {@link LogoutCookie} until the identity
 * provider's answer reaches the single-logout endpoint. Other providers (OpenID Connect) send the
 * browser back to the post-logout redirect themselves.
 */
public final class LogoutEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(LogoutEndpoint.class);

    private final Config config;
    private final LogoutCookie cookie;

    /** An endpoint with this configuration, keeping single-logout states in this cookie. */
    public LogoutEndpoint(Config config, LogoutCookie cookie) {
        this.config = config;
        this.cookie = cookie;
    }

    /** Handles one request to the logout path. */
    public void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"POST".equals(method)) {
            Requests.methodNotAllowed(response, "GET, POST");
            return;
        }
        Optional<AuthenticatedUser> user = Sessions.logout(request);
        String local = Requests.contextPath(request) + config.afterLogoutPath();
        if (user.isEmpty()) {
            Responses.redirect(response, local);
            return;
        }
        config.audit().record("logout", user.get().provider().value(), user, Optional.empty(), Map.of());
        Language language = Languages.choose(Requests.langParameter(request), request.getHeader("Accept-Language"),
                user, config.defaultLanguage());
        Optional<AuthenticationProvider> provider = config.routes().anyCovering(user.get().session().provider());
        try {
            if (provider.isPresent()) {
                Optional<String> state = provider.get().singleLogout().map(s -> config.random().next());
                HttpRedirect redirect = provider.get().startLogout(
                        new LogoutRequest(user.get().session(), config.postLogoutRedirect(), state));
                state.ifPresent(s -> cookie.write(request, response, s));
                LOG.info("logout through {}", provider.get().id());
                Requests.send(response, redirect, config.pages(), language);
                return;
            }
            LOG.info("local logout: no configured provider covers {}", user.get().session().provider());
        } catch (FedAuthException | UnsupportedOperationException e) {
            LOG.warn("logout at the identity provider not possible, local logout only: {}", e.getMessage());
        }
        Responses.redirect(response, local);
    }
}
