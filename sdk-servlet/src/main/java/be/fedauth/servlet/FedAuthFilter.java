package be.fedauth.servlet;

import be.fedauth.core.ErrorCode;
import be.fedauth.servlet.internal.AccessGuard;
import be.fedauth.servlet.internal.CallbackEndpoint;
import be.fedauth.servlet.internal.Config;
import be.fedauth.servlet.internal.LoginEndpoint;
import be.fedauth.servlet.internal.LogoutCookie;
import be.fedauth.servlet.internal.LogoutEndpoint;
import be.fedauth.servlet.internal.MetadataEndpoint;
import be.fedauth.servlet.internal.PendingCookie;
import be.fedauth.servlet.internal.RequestChecks;
import be.fedauth.servlet.internal.Requests;
import be.fedauth.servlet.internal.SingleLogoutEndpoint;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fedauth Jakarta Servlet 6 filter: serves the login, callback and logout endpoints, and guards
 * the protected paths. Map it to {@code /*} for {@link DispatcherType#REQUEST}, most simply with
 * {@link #register(ServletContext)} from a {@code ServletContextListener} or
 * {@code ServletContainerInitializer}.
 *
 * <p>What it does, per request path (within the context, as the container normalised it):
 * <ul>
 *   <li>the login path: starts a login ({@code ?service=&protocol=&key=&returnTo=&lang=});</li>
 *   <li>a callback path: finishes the login it finds in the pending-login cookie, logs the user in on
 *       a session with a new id, and redirects to the local return path;</li>
 *   <li>the logout path: ends the session and logs out at the identity provider;</li>
 *   <li>the metadata path: the SAML service-provider metadata of a configured provider
 *       ({@code ?provider=<id>}, by default the first that has some);</li>
 *   <li>the single-logout path: the identity provider's SAML Single Logout messages (HTTP-Redirect):
 *       a logout it started ends this browser's matching session and is answered; the answer to a
 *       logout started here is checked against the state kept in a cookie;</li>
 *   <li>a protected path: requires a logged-in user, on a session within its limits (idle timeout,
 *       maximum lifetime, the identity provider's limit), whose login reached the path's minimum level
 *       through a provider allowed there and, for a path protected per e-service, an access permit
 *       ({@code 403} page otherwise);</li>
 *   <li>anything else passes through.</li>
 * </ul>
 * Every request first ends a session that has reached one of its limits ({@code session_expired}).
 * Failed logins, and endpoint requests whose parameters the container cannot read whole, are
 * answered with a page in the user's language (status 400, 403, 502 or 503) and the
 * {@code FedAuth-Error} response header naming the {@link be.fedauth.core.ErrorCode}.
 *
 * <p>The logged-in user is kept in the HTTP session ({@link FedAuthSession#user}); the session must
 * stay on one node (sticky sessions) or in a store that keeps Java objects in memory, since
 * {@link be.fedauth.core.AuthenticatedUser} is not {@code Serializable}. Thread-safe.
 */
public final class FedAuthFilter implements Filter {
    private static final Logger LOG = LoggerFactory.getLogger(FedAuthFilter.class);

    private final FedAuthSettings settings;
    private volatile Handlers handlers;

    /** A filter with these settings. */
    public FedAuthFilter(FedAuthSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Adds this filter to a context being initialised, mapped to {@code /*} for requests, and sets the
     * session cookie to HttpOnly, SameSite=Lax (Servlet 6.0 {@link SessionCookieConfig#setAttribute})
     * and Secure. Containers mark the session cookie Secure by themselves only for requests they see
     * as HTTPS, which a node behind a TLS-terminating proxy does not; so it is always Secure, unless
     * the settings {@linkplain FedAuthSettingsBuilder#allowPlainHttpCookies() allow plain HTTP cookies}.
     * Call it while the context is initialising (a listener's {@code contextInitialized}).
     */
    public void register(ServletContext context) {
        FilterRegistration.Dynamic registration = context.addFilter("fedauth", this);
        registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        SessionCookieConfig cookie = context.getSessionCookieConfig();
        cookie.setHttpOnly(true);
        cookie.setSecure(!settings.plainHttpCookies());
        cookie.setAttribute("SameSite", "Lax");
    }

    @Override
    public void init(FilterConfig filterConfig) {
        ServletContext context = filterConfig.getServletContext();
        handlers = new Handlers(settings, context.getContextPath());
        SessionCookieConfig cookie = context.getSessionCookieConfig();
        if (!settings.plainHttpCookies() && !cookie.isSecure()) {
            // Mapped in web.xml rather than through register(): the container's own settings apply.
            LOG.warn("fedauth: the session cookie is not marked Secure; set <cookie-config><secure>true</secure>"
                    + " in web.xml, or add the filter with register(ServletContext)");
        }
        LOG.info("fedauth filter started: {}", settings);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            chain.doFilter(req, res);
            return;
        }
        Handlers h = handlers;
        if (h == null) {
            throw new ServletException("the fedauth filter was not initialised");
        }
        h.checks.sessionLimits(request);
        String path = Requests.path(request);
        if (path.equals(settings.loginPath())) {
            if (h.checks.parametersReadable(request, response, ErrorCode.LOGIN_REQUEST_INVALID, false)) {
                h.login.handle(request, response);
            }
        } else if (settings.callbackPaths().contains(path)) {
            if (h.checks.parametersReadable(request, response, ErrorCode.MALFORMED_CALLBACK, true)) {
                h.callback.handle(request, response);
            }
        } else if (path.equals(settings.logoutPath())) {
            h.logout.handle(request, response);
        } else if (path.equals(settings.metadataPath())) {
            h.metadata.handle(request, response);
        } else if (path.equals(settings.singleLogoutPath())) {
            h.singleLogout.handle(request, response);
        } else if (h.guard.permits(request, response, path)) {
            chain.doFilter(request, response);
        }
    }

    @Override
    public String toString() {
        return "FedAuthFilter[" + settings + "]";
    }

    /** The endpoints, built once the context path is known. */
    private static final class Handlers {
        final LoginEndpoint login;
        final CallbackEndpoint callback;
        final LogoutEndpoint logout;
        final MetadataEndpoint metadata;
        final SingleLogoutEndpoint singleLogout;
        final AccessGuard guard;
        final RequestChecks checks;

        Handlers(FedAuthSettings s, String contextPath) {
            Config config = s.config();
            PendingCookie cookie = new PendingCookie(contextPath, s.callbackPaths(), config.cookieSecurity());
            this.login = new LoginEndpoint(config, cookie);
            this.callback = new CallbackEndpoint(config, cookie);
            LogoutCookie logoutCookie = new LogoutCookie(contextPath, s.singleLogoutPath(), config.cookieSecurity());
            this.logout = new LogoutEndpoint(config, logoutCookie);
            this.metadata = new MetadataEndpoint(config);
            this.singleLogout = new SingleLogoutEndpoint(config, logoutCookie);
            this.guard = new AccessGuard(config);
            this.checks = new RequestChecks(config, cookie);
        }
    }
}
