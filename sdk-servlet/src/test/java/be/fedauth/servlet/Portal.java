package be.fedauth.servlet;

import be.fedauth.core.AccessDecision;
import be.fedauth.core.AuthenticatedUser;
import be.fedauth.core.Language;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A tiny application on embedded Jetty 12 (ee10) on a random loopback port, protected by the filter,
 * which it registers from a context listener as an application would. It honours
 * {@code X-Forwarded-*} headers, so a test can pretend to be behind a TLS proxy.
 */
final class Portal implements AutoCloseable {
    private final Server server;
    private final URI base;

    private Portal(Server server, URI base) {
        this.server = server;
        this.base = base;
    }

    static Portal start(FedAuthSettings settings) {
        return start(settings, "");
    }

    static Portal start(FedAuthSettings settings, String contextPath) {
        return start(settings, contextPath, Optional.empty());
    }

    /** A portal where {@code before} sees every request ahead of the fedauth filter (to play a container). */
    static Portal start(FedAuthSettings settings, String contextPath, Optional<Filter> before) {
        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.addCustomizer(new ForwardedRequestCustomizer());
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath(contextPath.isEmpty() ? "/" : contextPath);
        FedAuthFilter filter = new FedAuthFilter(settings);
        context.addEventListener(new ServletContextListener() {
            @Override
            public void contextInitialized(ServletContextEvent event) {
                before.ifPresent(f -> event.getServletContext().addFilter("before", f)
                        .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*"));
                filter.register(event.getServletContext());
            }
        });
        context.addServlet(new ServletHolder(new App()), "/");
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not start", e);
        }
        return new Portal(server, URI.create("http://127.0.0.1:" + connector.getLocalPort() + contextPath));
    }

    URI base() {
        return base;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop", e);
        }
    }

    /** The application behind the filter. */
    private static final class App extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
            Optional<AuthenticatedUser> user = FedAuthSession.user(req);
            String body;
            if (path.equals("/public/session")) {
                HttpSession session = req.getSession(true);
                session.setAttribute("cart", "full");
                body = session.getId();
            } else if (path.equals("/public/timeout")) {
                HttpSession session = req.getSession(false);
                body = session == null ? "none" : String.valueOf(session.getMaxInactiveInterval());
            } else if (path.equals("/public/cart")) {
                HttpSession session = req.getSession(false);
                body = session == null ? "none" : String.valueOf(session.getAttribute("cart"));
            } else if (path.equals("/api/me")) {
                if (user.isEmpty()) {
                    resp.setStatus(401);
                    return;
                }
                resp.setContentType("application/json");
                body = UserJson.forUser(user.get(), Language.EN);
            } else {
                body = "page " + path + " for " + user.map(u -> u.identity().givenName()).orElse("nobody")
                        + " basis=" + FedAuthSession.accessDecision(req).map(AccessDecision::basis).map(Enum::name)
                        .orElse("none");
            }
            resp.setCharacterEncoding("UTF-8");
            resp.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        }
    }
}
