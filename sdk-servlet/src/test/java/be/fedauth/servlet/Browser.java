package be.fedauth.servlet;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser made of java.net.http with a cookie jar, following no redirects so that each step can be
 * checked. {@link #postCrossSite} sends a POST without any cookie, as a browser does for SameSite=Lax
 * cookies on a cross-site POST. Like Chrome and Firefox, it sends {@code Secure} cookies to
 * loopback over plain HTTP (a potentially trustworthy origin, W3C Secure Contexts section 3.2).
 */
final class Browser {
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">");

    final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new LoopbackIsSecure(cookies))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final HttpClient noCookies = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final URI base;

    Browser(URI base) {
        this.base = base;
    }

    HttpResponse<String> get(String pathAndQuery, String... headers) {
        return send(client, HttpRequest.newBuilder(uri(pathAndQuery)).GET(), headers);
    }

    /** Follows the Location of a redirect (an absolute path of the portal's server). */
    HttpResponse<String> follow(HttpResponse<String> redirect, String... headers) {
        String location = redirect.headers().firstValue("Location").orElseThrow();
        return send(client, HttpRequest.newBuilder(base.resolve(location)).GET(), headers);
    }

    HttpResponse<String> post(String path, Map<String, List<String>> form, String... headers) {
        return send(client, postRequest(path, form), headers);
    }

    HttpResponse<String> postCrossSite(String path, Map<String, List<String>> form) {
        return send(noCookies, postRequest(path, form));
    }

    Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst();
    }

    void setCookie(String name, String value, String path) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath(path);
        cookie.setVersion(0);
        cookie.setDomain(base.getHost());
        cookies.getCookieStore().add(base, cookie);
    }

    void forget(String name) {
        for (HttpCookie c : new ArrayList<>(cookies.getCookieStore().getCookies())) {
            if (c.getName().equals(name)) {
                cookies.getCookieStore().remove(null, c);
                cookies.getCookieStore().getURIs().forEach(u -> cookies.getCookieStore().remove(u, c));
            }
        }
    }

    /** The hidden fields of an auto-submitting form page, unescaped, in order. */
    static Map<String, List<String>> hiddenFields(String html) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(html);
        while (m.find()) {
            fields.computeIfAbsent(unescape(m.group(1)), k -> new ArrayList<>()).add(unescape(m.group(2)));
        }
        return fields;
    }

    static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    static Map<String, List<String>> form(String... nameValues) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            form.computeIfAbsent(nameValues[i], k -> new ArrayList<>()).add(nameValues[i + 1]);
        }
        return form;
    }

    private HttpRequest.Builder postRequest(String path, Map<String, List<String>> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((name, values) -> values.forEach(v -> {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        }));
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    }

    private URI uri(String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Looks cookies up for loopback as if the link were HTTPS, so that Secure cookies are sent there. */
    private static final class LoopbackIsSecure extends CookieHandler {
        private final CookieManager delegate;

        LoopbackIsSecure(CookieManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
            boolean loopback = "127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost());
            return delegate.get(loopback ? URI.create(uri.toString().replaceFirst("^http:", "https:")) : uri, headers);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws IOException {
            delegate.put(uri, headers);
        }
    }
}
