package be.fedauth.benchmarks;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One virtual user of the demo load test: a browser with its own cookie jar, without JavaScript, on a
 * shared {@link HttpClient}. A login is: {@code GET /login?protocol=oidc&key=EID} at the portal, the
 * redirects to the fake FAS's login page, the post of the persona and key there (what a tester's
 * click does), the redirect back to the portal's callback, the landing page, and {@code /api/me},
 * which must answer 200 with the persona's national number and key. Anything else is a
 * {@link LoadError}. Not thread safe: one thread drives one user at a time.
 */
final class LoadUser {
    /** The personas the fake FAS knows with an eID, and their (fictitious) national numbers. */
    static final List<Map.Entry<String, String>> PERSONAS = List.of(
            Map.entry("citizen", "85.07.30-033.28"), Map.entry("ncts-employee", "79.02.14-121.65"),
            Map.entry("local-manager", "68.09.23-017.08"), Map.entry("mandate-holder", "75.06.16-088.79"));

    private static final String LOGIN_PAGE = "/testkit/login";
    private static final int MAX_HOPS = 10;
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern FLOW = Pattern.compile("<input type=\"hidden\" name=\"flow\" value=\"([^\"]*)\">");
    private static final Pattern LANG = Pattern.compile("<input type=\"hidden\" name=\"lang\" value=\"([^\"]*)\">");

    private final HttpClient http;
    private final URI portal;
    private CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

    LoadUser(HttpClient http, URI portal) {
        this.http = http;
        this.portal = portal;
    }

    /** Forgets every cookie: the next login is a new browser. */
    void reset() {
        cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    }

    /** Logs this user in as the persona, checks {@code /api/me}, and returns the login's duration in nanoseconds. */
    long login(Map.Entry<String, String> persona) {
        long start = System.nanoTime();
        HttpResponse<String> page = follow(get(portal.resolve("/login?protocol=oidc&key=EID")));
        if (page.statusCode() != 200 || !page.uri().getPath().equals(LOGIN_PAGE)) {
            throw new LoadError("expected the fake's login page, got HTTP " + page.statusCode() + " at " + page.uri().getPath());
        }
        Matcher flow = FLOW.matcher(page.body());
        Matcher lang = LANG.matcher(page.body());
        if (!flow.find() || !lang.find()) {
            throw new LoadError("the fake's login page has no flow field");
        }
        String form = "flow=" + encode(unescape(flow.group(1))) + "&lang=" + encode(lang.group(1))
                + "&choice=" + encode(persona.getKey() + "|EID");
        HttpResponse<String> landed = follow(send(page.uri().resolve(LOGIN_PAGE), form));
        if (landed.statusCode() != 200 || !landed.uri().getPath().equals("/me") || landed.uri().getPort() != portal.getPort()) {
            throw new LoadError("expected the portal's /me after the callback, got HTTP " + landed.statusCode()
                    + " at " + landed.uri().getPath() + header(landed, "FedAuth-Error"));
        }
        HttpResponse<String> me = get(portal.resolve("/api/me"));
        if (me.statusCode() != 200 || !me.body().contains("\"nationalNumber\":\"" + persona.getValue() + "\"")
                || !me.body().contains("\"key\":\"EID\"")) {
            throw new LoadError("/api/me answered HTTP " + me.statusCode() + " without the persona's identity");
        }
        return System.nanoTime() - start;
    }

    /** Logs out at the portal and at the fake, back to the portal's home page; then {@code /api/me} must be 401. */
    void logout() {
        HttpResponse<String> home = follow(get(portal.resolve("/logout")));
        if (home.statusCode() != 200 || !home.uri().getPath().equals("/") || home.uri().getPort() != portal.getPort()) {
            throw new LoadError("logout ended with HTTP " + home.statusCode() + " at " + home.uri().getPath());
        }
        HttpResponse<String> me = get(portal.resolve("/api/me"));
        if (me.statusCode() != 401) {
            throw new LoadError("/api/me after logout answered HTTP " + me.statusCode());
        }
    }

    private HttpResponse<String> follow(HttpResponse<String> first) {
        HttpResponse<String> current = first;
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            int status = current.statusCode();
            if (status != 302 && status != 303 && status != 307) {
                return current;
            }
            URI next = current.uri().resolve(current.headers().firstValue("Location")
                    .orElseThrow(() -> new LoadError("a redirect without Location")));
            if (!"127.0.0.1".equals(next.getHost())) {
                throw new LoadError("a redirect off loopback to " + next.getHost());
            }
            current = get(next);
        }
        throw new LoadError("more than " + MAX_HOPS + " redirects");
    }

    /** Sends a GET with this user's cookies. */
    private HttpResponse<String> get(URI uri) {
        return send(uri, null);
    }

    /**
     * Sends with this user's cookies (the jar is applied by hand, so that one HttpClient serves every
     * user); a form body makes it a POST.
     */
    private HttpResponse<String> send(URI uri, String form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT);
        if (form == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        }
        try {
            for (Map.Entry<String, List<String>> header : cookies.get(uri, Map.of()).entrySet()) {
                if (!header.getValue().isEmpty()) {
                    request.header(header.getKey(), String.join("; ", header.getValue()));
                }
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            cookies.put(response.uri(), response.headers().map());
            if (response.statusCode() >= 500) {
                throw new LoadError("HTTP " + response.statusCode() + " at " + response.uri().getPath()
                        + header(response, "FedAuth-Error"));
            }
            return response;
        } catch (IOException e) {
            throw new LoadError("I/O error at " + uri.getPath() + ": " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadError("interrupted");
        }
    }

    private static String header(HttpResponse<String> response, String name) {
        HttpHeaders headers = response.headers();
        return headers.firstValue(name).map(v -> " (" + name + ": " + v.replaceAll("[^a-z_]", "") + ")").orElse("");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /** One failed step of a virtual user: the message names the step and status, never a token or cookie. */
    static final class LoadError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LoadError(String message) {
            super(message, null, false, false);
        }
    }
}
