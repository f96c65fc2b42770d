package be.fedauth.demo.peers;

import be.fedauth.core.HttpRedirect;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.CookieHandler;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Keycloak started from {@code .tools/keycloak-<version>} (installed by
 * {@code scripts/setup.d/40-keycloak.sh}) on a random loopback port, in dev mode with a fresh
 * database and the realm of {@code keycloak/realm-fedauth.json}. Readiness is read from its log,
 * without polling; {@link #close()} stops it and its child processes.
 */
public final class Keycloak implements AutoCloseable {
    private static final String VERSION = "26.5.6";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_-]+)=\"([^\"]*)\"");
    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>", Pattern.CASE_INSENSITIVE);

    private final Process process;
    private final int port;

    private Keycloak(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts Keycloak with two SAML clients for the SP certificate: one signing only, one also encrypting.
     *
     * @throws AssertionError when Keycloak is not installed or does not start
     */
    public static Keycloak start(String signedClient, String encryptedClient, String acs, X509Certificate spCertificate) {
        return start(signedClient, encryptedClient, acs, spCertificate, Map.of());
    }

    /**
     * As {@link #start(String, String, String, X509Certificate)}, with more SAML clients: each entity id
     * maps to the client attributes that differ from {@code keycloak/client.json} (for example
     * {@code saml.signature.algorithm}).
     */
    public static Keycloak start(String signedClient, String encryptedClient, String acs, X509Certificate spCertificate,
                                 Map<String, Map<String, String>> moreClients) {
        Path home = Path.of("..", ".tools", "keycloak-" + VERSION).toAbsolutePath().normalize();
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new AssertionError("Keycloak is not installed at " + home + ": run scripts/setup.d/40-keycloak.sh");
        }
        try {
            deleteTree(home.resolve("data/h2"));
            Files.createDirectories(home.resolve("data/import"));
            Files.writeString(home.resolve("data/import/realm-fedauth.json"),
                    realm(signedClient, encryptedClient, acs, spCertificate, moreClients));
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + port, "--import-realm", "--cache=local")
                    .redirectErrorStream(true);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "interop-admin");
            Process process = builder.start();
            Keycloak keycloak = new Keycloak(process, port);
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
                throw new AssertionError("Keycloak did not start within " + START_TIMEOUT + ": " + String.join("\n", tail), e);
            }
            keycloak.close();
            throw new AssertionError("Keycloak stopped while starting: " + String.join("\n", tail));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    private static String realm(String signedClient, String encryptedClient, String acs, X509Certificate cert,
                                Map<String, Map<String, String>> moreClients) throws IOException {
        String realm = resource("keycloak/realm-fedauth.json");
        String client = resource("keycloak/client.json");
        String der;
        try {
            der = Base64.getEncoder().encodeToString(cert.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        String base = client.replace("@@ACS@@", acs).replace("@@CERT@@", der);
        StringBuilder more = new StringBuilder();
        for (Map.Entry<String, Map<String, String>> extra : moreClients.entrySet()) {
            String json = base.replace("@@ENTITY_ID@@", extra.getKey()).replace("@@ENCRYPT@@", "false");
            for (Map.Entry<String, String> attribute : extra.getValue().entrySet()) {
                Matcher current = Pattern.compile("\"" + Pattern.quote(attribute.getKey()) + "\": \"[^\"]*\"").matcher(json);
                if (!current.find()) {
                    throw new IllegalArgumentException("keycloak/client.json has no attribute " + attribute.getKey());
                }
                json = current.replaceFirst(Matcher.quoteReplacement(
                        "\"" + attribute.getKey() + "\": \"" + attribute.getValue() + "\""));
            }
            more.append(",\n    ").append(json);
        }
        return realm.replace("@@CLIENT_SIGNED@@", base.replace("@@ENTITY_ID@@", signedClient).replace("@@ENCRYPT@@", "false"))
                .replace("@@CLIENT_ENCRYPTED@@", base.replace("@@ENTITY_ID@@", encryptedClient).replace("@@ENCRYPT@@", "true")
                        + more);
    }

    private static String resource(String name) throws IOException {
        try (var in = Keycloak.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
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

    /** The realm's entity id. */
    public String entityId() {
        return "http://127.0.0.1:" + port + "/realms/fedauth";
    }

    /** The realm's SAML IdP metadata. */
    public URI metadataUrl() {
        return URI.create(entityId() + "/protocol/saml/descriptor");
    }

    /**
     * Follows the SP's redirect to Keycloak, posts the login form, and returns the fields of the form
     * Keycloak auto-posts back to the ACS.
     */
    public Map<String, String> logIn(HttpRedirect redirect, String username, String password) {
        // A new browser each time (fresh cookies), so that no Keycloak session skips the login form.
        HttpClient http = HttpClient.newBuilder().cookieHandler(new LoopbackCookies())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> page = redirect.binding() == HttpRedirect.Binding.POST
                ? send(http, post(redirect.location(), redirect.formFields())) : send(http, HttpRequest.newBuilder(redirect.location())
                .timeout(Duration.ofSeconds(30)).GET().build());
        Map.Entry<String, Map<String, String>> login = form(page.body());
        Map<String, String> fields = new LinkedHashMap<>(login.getValue());
        fields.put("username", username);
        fields.put("password", password);
        HttpResponse<String> back = send(http, post(page.uri().resolve(login.getKey()), fields));
        return form(back.body()).getValue();
    }

    private static HttpRequest post(URI uri, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The first form of a page: its action and its inputs with a value. */
    private static Map.Entry<String, Map<String, String>> form(String html) {
        Matcher form = FORM.matcher(html);
        if (!form.find()) {
            String text = html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ");
            throw new AssertionError("no form in Keycloak's page: " + text.substring(0, Math.min(text.length(), 600)));
        }
        String action = unescape(attributes(form.group(1)).getOrDefault("action", ""));
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = INPUT.matcher(form.group(2));
        while (input.find()) {
            Map<String, String> attributes = attributes(input.group(1));
            if (attributes.containsKey("name") && attributes.containsKey("value")) {
                fields.put(attributes.get("name"), unescape(attributes.get("value")));
            }
        }
        return Map.entry(action, fields);
    }

    private static Map<String, String> attributes(String tag) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(tag);
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    private static String unescape(String text) {
        return text.replace("&amp;", "&").replace("&quot;", "\"").replace("&#x3d;", "=").replace("&#61;", "=")
                .replace("&lt;", "<").replace("&gt;", ">");
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

    /**
     * Keycloak marks its cookies Secure (SameSite=None), which the JDK's CookieManager then withholds
     * over plain HTTP; on loopback the browser-less driver sends them back anyway.
     */
    private static final class LoopbackCookies extends CookieHandler {
        private final Map<String, String> cookies = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public Map<String, java.util.List<String>> get(URI uri, Map<String, java.util.List<String>> headers) {
            if (cookies.isEmpty()) {
                return Map.of();
            }
            String header = cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; "));
            return Map.of("Cookie", java.util.List.of(header));
        }

        @Override
        public void put(URI uri, Map<String, java.util.List<String>> headers) {
            headers.forEach((name, values) -> {
                if (name != null && name.equalsIgnoreCase("Set-Cookie")) {
                    for (String value : values) {
                        String pair = value.split(";", 2)[0];
                        int eq = pair.indexOf('=');
                        if (eq > 0) {
                            cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                        }
                    }
                }
            });
        }
    }
}
