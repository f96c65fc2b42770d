package be.fedauth.demo.peers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Keycloak started from {@code .tools/keycloak-<version>} (installed by
 * {@code scripts/setup.d/40-keycloak.sh}) on a random loopback port, in dev mode with a fresh
 * database and one realm imported from a {@link KeycloakRealm}. Readiness is read from its log,
 * without polling; {@link #close()} stops it and its child processes. Takes about 25 s and 500 MB:
 * start one per test class. Two cannot run at once (they share the installation's data directory);
 * the Maven lock sees to that.
 *
 * <p>Logins are driven without a browser: {@link #logIn} takes the step a portal sent the browser on,
 * posts Keycloak's login form, and returns the step back to the portal.
 */
public final class Keycloak implements AutoCloseable {
    /** The realm's user, Marie Dupont (marie.dupont@example.be). */
    public static final String USERNAME = "marie";
    /** Her password. */
    public static final String PASSWORD = "interop-secret";

    private static final String VERSION = "26.5.6";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final Process process;
    private final int port;
    private final String realm;

    private Keycloak(Process process, int port, String realm) {
        this.process = process;
        this.port = port;
        this.realm = realm;
    }

    /**
     * Starts Keycloak with {@code realm}.
     *
     * @throws AssertionError when Keycloak is not installed or does not start
     */
    public static Keycloak start(KeycloakRealm realm) {
        Path home = Path.of("..", ".tools", "keycloak-" + VERSION).toAbsolutePath().normalize();
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new AssertionError("Keycloak is not installed at " + home + ": run scripts/setup.d/40-keycloak.sh");
        }
        try {
            deleteTree(home.resolve("data/h2"));
            deleteTree(home.resolve("data/import"));
            Files.createDirectories(home.resolve("data/import"));
            Files.writeString(home.resolve("data/import/realm-" + realm.name() + ".json"), realm.json());
            int port = FreePort.pick();
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + port, "--import-realm", "--cache=local")
                    .redirectErrorStream(true);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "interop-admin");
            Process process = builder.start();
            Keycloak keycloak = new Keycloak(process, port, realm.name());
            Deque<String> tail = new ArrayDeque<>();
            CompletableFuture<Boolean> ready = new CompletableFuture<>();
            Thread reader = new Thread(() -> drain(process, tail, ready), "keycloak-log");
            reader.setDaemon(true);
            reader.start();
            try {
                if (Boolean.TRUE.equals(ready.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS))) {
                    return keycloak;
                }
            } catch (Exception e) {
                keycloak.close();
                throw new AssertionError("Keycloak did not start within " + START_TIMEOUT + ": " + tail(tail), e);
            }
            keycloak.close();
            throw new AssertionError("Keycloak stopped while starting: " + tail(tail));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The realm's URL: its OpenID issuer and its SAML entity id. */
    public String entityId() {
        return "http://127.0.0.1:" + port + "/realms/" + realm;
    }

    /** The realm's OpenID Connect issuer (discovery at {@code /.well-known/openid-configuration} below it). */
    public URI oidcIssuer() {
        return URI.create(entityId());
    }

    /** The realm's SAML IdP metadata (unsigned, as Keycloak serves it). */
    public URI metadataUrl() {
        return URI.create(entityId() + "/protocol/saml/descriptor");
    }

    /**
     * Takes {@code toKeycloak} (the redirect or form post a portal sent the browser on), posts the
     * login form as {@code username}, and returns the step back to the portal: the redirect to its
     * OIDC callback, or the form Keycloak posts to its ACS. Each call is a fresh browser (no Keycloak
     * session skips the form).
     *
     * @throws AssertionError when Keycloak shows no login form or does not send the browser back
     *     (its page's text is in the message)
     */
    public Hop logIn(Hop toKeycloak, String username, String password) {
        IdpVisit visit = new IdpVisit(oidcIssuer());
        HttpResponse<String> page = visit.open(toKeycloak);
        return visit.leave(visit.submit(page, Map.of("username", username, "password", password)));
    }

    /**
     * Takes {@code toKeycloak} (a portal's redirect to the end-session endpoint, RP-initiated logout)
     * and returns the redirect back to the portal's post-logout page.
     *
     * @throws AssertionError when Keycloak does not send the browser back (a confirmation or error page)
     */
    public Hop logOut(Hop toKeycloak) {
        IdpVisit visit = new IdpVisit(oidcIssuer());
        return visit.leave(visit.open(toKeycloak));
    }

    /** Stops Keycloak and the JVM kc.sh started. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void drain(Process process, Deque<String> tail, CompletableFuture<Boolean> ready) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > 40) {
                        tail.removeFirst();
                    }
                }
                if (line.contains("Listening on:")) {
                    ready.complete(Boolean.TRUE);
                }
            }
        } catch (IOException e) {
            // The process ended.
        }
        ready.complete(Boolean.FALSE);
    }

    private static String tail(Deque<String> tail) {
        synchronized (tail) {
            return String.join("\n", tail);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
