package be.fedauth.testkit.internal;

import be.fedauth.core.ConfigurationException;
import be.fedauth.core.KeyRetirement;
import be.fedauth.testkit.Endpoint;
import be.fedauth.testkit.Personas;
import be.fedauth.core.SettableClock;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The main class of the standalone jar:
 * {@code java -jar sdk-testkit-<version>-standalone.jar --port <port> [--personas <file>] [--fresh-keys]}.
 * Prints its URLs on standard output (this is a command-line tool, so it writes to the console on purpose)
 * and runs until the process is stopped. It runs in a child JVM tuned for a fast start ({@link Relauncher}).
 */
public final class Standalone {
    /** The line printed once the server answers; tests and scripts wait for it. */
    public static final String READY = "fedauth fake IdP ready at ";
    private static final String USAGE = "usage: java -jar sdk-testkit-standalone.jar --port <port> [--personas <file>] [--fresh-keys]";

    private Standalone() {
    }

    /** Parses the arguments, starts the fake and prints its URLs. */
    public static void main(String[] args) {
        if (Relauncher.wanted()) {
            Optional<Integer> exit = Relauncher.run(args);
            if (exit.isPresent()) {
                System.exit(exit.get());
                return;
            }
        }
        Relauncher.exitWithParent();
        // Quiet Jetty and OpenSAML start-up chatter unless the user asked otherwise (slf4j-simple reads these).
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        PrintStream out = System.out;
        int port = -1;
        Path personasFile = null;
        boolean freshKeys = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = i + 1 < args.length ? parsePort(args[++i]) : usage("--port needs a value");
                case "--personas" -> {
                    if (i + 1 >= args.length) {
                        usage("--personas needs a file");
                    }
                    personasFile = Path.of(args[++i]);
                }
                case "--fresh-keys" -> freshKeys = true;
                case "--help", "-h" -> {
                    out.println(USAGE);
                    return;
                }
                default -> usage("unknown argument " + args[i]);
            }
        }
        if (port < 0) {
            usage("--port is required (0 picks a free port)");
        }
        FakeServer server;
        try {
            Path file = personasFile;
            Supplier<Personas> personas = file != null ? () -> Personas.load(file) : Personas::defaults;
            server = FakeServer.start(new FakeServer.Settings(port, personas, SettableClock.system(), freshKeys,
                    List.of(KeyRetirement.TOKEN), List.of()));
        } catch (ConfigurationException e) {
            System.err.println("cannot start: " + e.getMessage());
            System.exit(2);
            return;
        } catch (RuntimeException e) {
            System.err.println("cannot start on port " + port + ": " + e);
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "fedauth-fake-stop"));
        FakeIdpContext ctx = server.context();
        out.println("OIDC issuer            " + ctx.oidcIssuer());
        out.println("OIDC discovery         " + ctx.url(Endpoint.OIDC_DISCOVERY.path()));
        out.println("OIDC JWKS              " + ctx.url(Endpoint.OIDC_JWKS.path()));
        out.println("SAML entity id         " + ctx.baseUri() + "/fas");
        out.println("SAML metadata          " + ctx.url(Endpoint.SAML_METADATA.path()));
        out.println("Social security        " + ctx.url(Endpoint.SOCIAL_SECURITY_METADATA.path()));
        out.println("Login page             " + ctx.url(Endpoint.LOGIN_PAGE.path()) + " (reached from an authorize or SSO request)");
        out.println("Admin API              " + ctx.url(FakeServer.ADMIN_PREFIX));
        out.println("Demo OIDC client       fedauth-demo / fedauth-demo-secret");
        out.println("Keys                   " + (freshKeys ? "fresh (new at every start)" : "shipped test keys (the same at every start)")
                + ", signing kid " + ctx.signingKeys().current().kid());
        out.println(READY + ctx.baseUri() + " (started in " + Relauncher.sinceStart(Clock.systemUTC()).toMillis() + " ms)");
        out.flush();
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            return port >= 0 && port <= 65535 ? port : usage("a port is between 0 and 65535");
        } catch (NumberFormatException e) {
            return usage("a port is a number");
        }
    }

    private static int usage(String problem) {
        System.err.println(problem);
        System.err.println(USAGE);
        System.exit(64);
        return -1;
    }
}
