package be.fedauth.demo;

import be.fedauth.core.EService;
import be.fedauth.core.SealingKey;
import be.fedauth.servlet.FedAuthFilter;
import be.fedauth.servlet.FedAuthSettings;
import be.fedauth.servlet.FedAuthSettingsBuilder;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** The running demo: the fake IdP (unless disabled) and the portal on Jetty 12. */
final class DemoPortal implements AutoCloseable {
    private final Server server;
    private final Optional<FakeIdp> fake;
    private final URI url;

    private DemoPortal(Server server, Optional<FakeIdp> fake, URI url) {
        this.server = server;
        this.fake = fake;
        this.url = url;
    }

    /** Starts everything; on failure, stops what was started. */
    static DemoPortal start(DemoOptions options) {
        Optional<FakeIdp> fake = options.fakeIdp()
                ? Optional.of(FakeIdp.start(options.fakeIdpJar().orElseGet(DemoPortal::defaultFakeJar),
                        options.fakeIdpPort(), options.clock()))
                : Optional.empty();
        Server server = new Server();
        try {
            Clock clock = fake.map(FakeIdp::clock).orElseGet(() -> options.clock()
                    .map(start -> Clock.offset(Clock.systemUTC(), Duration.between(Clock.systemUTC().instant(), start)))
                    .orElseGet(Clock::systemUTC));
            ServerConnector connector = new ServerConnector(server);
            connector.setHost(options.host());
            connector.setPort(options.port());
            server.addConnector(connector);
            connector.open();
            URI url = options.publicUrl().orElse(URI.create("http://127.0.0.1:" + connector.getLocalPort()));
            DemoProviders providers = DemoProviders.create(options, fake, url, clock);
            EnterpriseRegister register = new EnterpriseRegister();
            FedAuthSettingsBuilder settings = FedAuthSettings.builder()
                    // A fresh key at each start: logins in flight do not survive a restart of the demo.
                    .sealedPendingLogins(SealingKey.generate("demo"))
                    .protect("/emcs", EService.EMCS).protect("/ncts", EService.NCTS).protect("/plda", EService.PLDA)
                    .protect("/me")
                    .enterpriseResolver(register::resolve)
                    .userEnricher(register::withProposals)
                    .loginPage("/")
                    .afterLoginPath("/me")
                    // Every logout ends on the portal's own page: local, OIDC (the IdP returns there) and SAML
                    // (after the IdP's LogoutResponse reaches /saml/slo).
                    .afterLogoutPath("/logged-out")
                    .postLogoutRedirect(url.resolve("/logged-out"))
                    // The URL browsers use decides whether the pending-login cookie is Secure (never the Host header).
                    .publicUrl(url)
                    .clock(clock);
            providers.general().forEach(settings::provider);
            providers.ncts().forEach((protocol, provider) -> settings.provider(EService.NCTS, protocol, provider));
            if ("http".equals(url.getScheme())) {
                // Plain HTTP (loopback or a test bench without TLS): the session cookie cannot be Secure.
                settings.allowPlainHttpCookies();
            }
            FedAuthSettings built = settings.build();
            ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
            context.setContextPath("/");
            // SAML responses with encrypted assertions can exceed Jetty's default of 200 000 bytes.
            context.setMaxFormContentSize(1024 * 1024);
            FedAuthFilter filter = new FedAuthFilter(built);
            context.addEventListener(new ServletContextListener() {
                @Override
                public void contextInitialized(ServletContextEvent event) {
                    filter.register(event.getServletContext());
                }
            });
            context.addServlet(new ServletHolder(new PortalServlet(built, register)), "/");
            server.setHandler(context);
            server.start();
            return new DemoPortal(server, fake, url);
        } catch (Exception e) {
            stop(server);
            fake.ifPresent(FakeIdp::close);
            throw e instanceof RuntimeException r ? r : new IllegalStateException("the portal did not start", e);
        }
    }

    /** The fake IdP jar next to the demo's jar (or its classes directory). */
    private static Path defaultFakeJar() {
        try {
            Path location = Path.of(DemoPortal.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.getParent().resolve("fake-idp.jar");
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the demo jar", e);
        }
    }

    URI url() {
        return url;
    }

    Optional<FakeIdp> fake() {
        return fake;
    }

    void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() {
        stop(server);
        fake.ifPresent(FakeIdp::close);
    }

    private static void stop(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            // Stopping is best effort.
        }
    }
}
