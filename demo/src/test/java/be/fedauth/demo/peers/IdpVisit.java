package be.fedauth.demo.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieHandler;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A browser's visit to one identity provider, with a cookie jar of its own (a fresh visit never
 * reuses an IdP session, so the login form always shows): redirects are followed while they stay at
 * the identity provider; the step that leaves it is handed back as a {@link Hop}.
 */
public final class IdpVisit {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String authority;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new LoopbackCookies())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    /** A visit to the identity provider at {@code base} (its scheme, host and port count). */
    public IdpVisit(URI base) {
        this.authority = base.getScheme() + "://" + base.getAuthority();
    }

    /** Takes {@code hop} (it must lead to this identity provider) and follows redirects within it. */
    public HttpResponse<String> open(Hop hop) {
        if (!isHere(hop.uri())) {
            throw new AssertionError("expected a step to " + authority + ", got " + hop);
        }
        return within(send(hop));
    }

    /** Submits the first form of {@code page} with {@code fields} added, and follows redirects within the identity provider. */
    public HttpResponse<String> submit(HttpResponse<String> page, Map<String, String> fields) {
        if (page.statusCode() == 302 || page.statusCode() == 303) {
            // An OAuth error goes back to the client in the redirect's query (RFC 6749 4.1.2.1).
            String location = page.headers().firstValue("Location").orElse("");
            String error = location.replaceAll("^[^?]*\\??", "").replaceAll("(^|&)(?!error)[^&=]*=[^&]*", "");
            throw new AssertionError("the identity provider sent the browser away instead of showing its login form: "
                    + Hop.from(page) + " " + error);
        }
        HtmlForm form = HtmlForm.first(page);
        return within(send(Hop.post(form.action(), form.with(fields))));
    }

    /**
     * The step by which {@code page} leaves the identity provider: a redirect elsewhere or a form that
     * posts itself elsewhere.
     *
     * @throws AssertionError when the page stays (an error page, a login form shown again), with its text
     */
    public Hop leave(HttpResponse<String> page) {
        Hop hop = Hop.from(page);
        if (isHere(hop.uri())) {
            throw new AssertionError("the identity provider did not send the browser back: " + hop);
        }
        return hop;
    }

    private HttpResponse<String> within(HttpResponse<String> response) {
        HttpResponse<String> current = response;
        for (int i = 0; i < 10; i++) {
            int status = current.statusCode();
            if (status != 302 && status != 303) {
                return current;
            }
            Hop next = Hop.from(current);
            if (!isHere(next.uri())) {
                return current;
            }
            current = send(next);
        }
        throw new AssertionError("too many redirects at " + authority);
    }

    private boolean isHere(URI uri) {
        return (uri.getScheme() + "://" + uri.getAuthority()).equals(authority);
    }

    private HttpResponse<String> send(Hop hop) {
        HttpRequest.Builder request = HttpRequest.newBuilder(hop.uri()).timeout(TIMEOUT);
        if (hop.post()) {
            String body = hop.form().entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            request.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.GET();
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Keycloak marks its cookies Secure (SameSite=None), which the JDK's CookieManager then withholds
     * over plain HTTP; on loopback this browser sends every cookie of the visit back.
     */
    private static final class LoopbackCookies extends CookieHandler {
        private final Map<String, String> cookies = new ConcurrentHashMap<>();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) {
            if (cookies.isEmpty()) {
                return Map.of();
            }
            return Map.of("Cookie", List.of(cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; "))));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) {
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
