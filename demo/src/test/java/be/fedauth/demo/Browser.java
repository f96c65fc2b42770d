package be.fedauth.demo;

import be.fedauth.demo.peers.Hop;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser of java.net.http with a cookie jar that follows no redirect by itself: {@link #follow}
 * walks them, and auto-submitting forms are posted the way a browser with JavaScript does.
 */
final class Browser {
    private static final Pattern FORM = Pattern.compile("<form method=\"post\" action=\"([^\"]*)\"");
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">");

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final HttpClient withoutCookies = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final URI portal;

    Browser(URI portal) {
        this.portal = portal;
    }

    HttpResponse<String> get(String pathOrUrl) {
        return send(client, HttpRequest.newBuilder(portal.resolve(pathOrUrl)).GET().build());
    }

    /** Follows redirects and auto-submitting forms until a page that is neither; posts to the portal from another site drop cookies. */
    HttpResponse<String> follow(HttpResponse<String> response) {
        HttpResponse<String> current = response;
        for (int i = 0; i < 10; i++) {
            URI at = current.request().uri();
            if (current.statusCode() == 302 || current.statusCode() == 303) {
                current = send(client, HttpRequest.newBuilder(at.resolve(current.headers().firstValue("Location").orElseThrow()))
                        .GET().build());
            } else if (current.statusCode() == 200 && current.body().contains("document.forms[0].submit()")) {
                Matcher action = FORM.matcher(current.body());
                if (!action.find()) {
                    return current;
                }
                URI target = at.resolve(unescape(action.group(1)));
                boolean crossSite = target.getPort() != at.getPort();
                current = send(crossSite ? withoutCookies : client, post(target, fields(current.body())));
            } else {
                return current;
            }
        }
        throw new IllegalStateException("too many redirects");
    }

    /**
     * Takes the step an identity provider sends the browser on back to the portal, then follows: a
     * redirect with this browser's cookies, a form post (from another site) without them.
     */
    HttpResponse<String> go(Hop hop) {
        if (!hop.post()) {
            return follow(send(client, HttpRequest.newBuilder(hop.uri()).GET().build()));
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        hop.form().forEach((name, value) -> fields.put(name, List.of(value)));
        return follow(send(withoutCookies, post(hop.uri(), fields)));
    }

    /**
     * Posts the fake IdP's login form shown on {@code page} with the button {@code choice}
     * ({@code personId|KEY}), as a click on it does, then follows.
     */
    HttpResponse<String> choose(HttpResponse<String> page, String choice) {
        Matcher action = FORM.matcher(page.body());
        if (!action.find()) {
            throw new IllegalStateException("no form on " + page.request().uri());
        }
        Map<String, List<String>> fields = fields(page.body());
        fields.put("choice", List.of(choice));
        return follow(send(client, post(page.request().uri().resolve(unescape(action.group(1))), fields)));
    }

    private static HttpRequest post(URI target, Map<String, List<String>> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, values) -> values.forEach(v -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8))));
        return HttpRequest.newBuilder(target).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }

    private static Map<String, List<String>> fields(String html) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(html);
        while (m.find()) {
            fields.computeIfAbsent(unescape(m.group(1)), k -> new ArrayList<>()).add(unescape(m.group(2)));
        }
        return fields;
    }

    private static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
