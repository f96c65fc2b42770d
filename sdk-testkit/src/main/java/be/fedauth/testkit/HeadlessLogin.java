package be.fedauth.testkit;

import be.fedauth.core.DigitalKey;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.HttpRedirect;
import be.fedauth.core.IdpUnavailableException;
import be.fedauth.testkit.internal.HttpForms;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A login without a browser, for CI: chooses the persona and key, sends the application's authorization
 * request (OIDC) or authentication request (SAML, HTTP-Redirect or HTTP-POST binding) to the fake, follows
 * the fake's own redirects, and returns where the fake sends the browser back: the redirect URI with its
 * parameters, or the ACS URL with the auto-posted {@code SAMLResponse}. Nothing is sent to the application.
 *
 * <p>A login refused by the fake's rules comes back as a callback too (OIDC {@code error=access_denied}, a
 * SAML Response with an error status). The preselected login is set for the duration of the call and
 * restored afterwards; calls on one fake are serialised.
 *
 * <p>Errors: {@code IdpUnavailableException} with {@code idp_unavailable} when the fake cannot be reached,
 * {@code idp_invalid_response} when it answers something other than a way back to the application (an
 * error status, an injected fault, too many redirects).
 */
public final class HeadlessLogin {
    private static final int MAX_HOPS = 10;
    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z-]+)\\s*=\\s*(\"([^\"]*)\"|'([^']*)')");

    private final URI base;
    private final Optional<FakeFas> fas;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private HeadlessLogin(URI base, Optional<FakeFas> fas) {
        this.base = base;
        this.fas = fas;
    }

    /** Logins against a fake started in this JVM (through the Java API). */
    public static HeadlessLogin against(FakeFas fas) {
        return new HeadlessLogin(Objects.requireNonNull(fas, "fas").baseUri(), Optional.of(fas));
    }

    /** Logins against a fake running elsewhere, e.g. the standalone jar (through its admin API). */
    public static HeadlessLogin against(URI baseUri) {
        return new HeadlessLogin(Objects.requireNonNull(baseUri, "baseUri"), Optional.empty());
    }

    /** Follows an authorization request URL (OIDC) or HTTP-Redirect SAML request URL as this persona and key. */
    public LoginCallback login(String personId, DigitalKey key, URI requestUrl) {
        return login(new LoginChoice(personId, key), HttpRedirect.redirect(Objects.requireNonNull(requestUrl, "requestUrl")));
    }

    /** Follows the application's redirect ({@code LoginRedirect.redirect()}), GET or auto-posted form, as this choice. */
    public LoginCallback login(LoginChoice choice, HttpRedirect redirect) {
        Objects.requireNonNull(choice, "choice");
        Objects.requireNonNull(redirect, "redirect");
        if (fas.isPresent()) {
            synchronized (fas.get()) {
                Optional<LoginChoice> previous = fas.get().preselectedLogin();
                fas.get().preselectLogin(choice);
                try {
                    return follow(redirect);
                } finally {
                    previous.ifPresentOrElse(fas.get()::preselectLogin, fas.get()::clearPreselectedLogin);
                }
            }
        }
        admin("POST", "/login", Map.of("person", choice.personId(), "key", choice.key().name()));
        try {
            return follow(redirect);
        } finally {
            admin("DELETE", "/login", Map.of());
        }
    }

    private LoginCallback follow(HttpRedirect first) {
        HttpRequest request = first.binding() == HttpRedirect.Binding.POST
                ? post(first.location(), first.formFields()) : get(first.location());
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            HttpResponse<String> response = send(request);
            URI at = response.uri();
            if (response.statusCode() / 100 == 3) {
                URI location = at.resolve(response.headers().firstValue("Location")
                        .orElseThrow(() -> new IdpUnavailableException(ErrorCode.IDP_INVALID_RESPONSE,
                                "a redirect without Location from " + withoutQuery(at))));
                if (!isFake(location)) {
                    return new LoginCallback("GET", withoutQuery(location), HttpForms.decode(location.getRawQuery()));
                }
                request = get(location);
                continue;
            }
            Optional<Map.Entry<URI, Map<String, String>>> form = autoPostForm(at, response.body());
            if (response.statusCode() == 200 && form.isPresent()) {
                URI action = form.get().getKey();
                if (!isFake(action)) {
                    Map<String, List<String>> parameters = new LinkedHashMap<>();
                    form.get().getValue().forEach((k, v) -> parameters.put(k, List.of(v)));
                    return new LoginCallback("POST", action, parameters);
                }
                request = post(action, form.get().getValue());
                continue;
            }
            throw new IdpUnavailableException(ErrorCode.IDP_INVALID_RESPONSE, "the fake IdP answered HTTP "
                    + response.statusCode() + " at "
                    + withoutQuery(at) + " instead of sending the browser back: " + snippet(response.body()));
        }
        throw new IdpUnavailableException(ErrorCode.IDP_INVALID_RESPONSE, "more than " + MAX_HOPS
                + " redirects inside the fake IdP");
    }

    private boolean isFake(URI uri) {
        return Objects.equals(uri.getHost(), base.getHost()) && uri.getPort() == base.getPort();
    }

    private static URI withoutQuery(URI uri) {
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath()));
    }

    /** The first form of an HTML page (the SAML auto-post page) and its hidden fields. */
    static Optional<Map.Entry<URI, Map<String, String>>> autoPostForm(URI page, String html) {
        Matcher form = FORM.matcher(html);
        if (!form.find()) {
            return Optional.empty();
        }
        Map<String, String> formAttributes = attributes(form.group(1));
        String action = formAttributes.get("action");
        if (action == null || !"post".equalsIgnoreCase(formAttributes.getOrDefault("method", "get"))) {
            return Optional.empty();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = INPUT.matcher(html.substring(form.end()));
        while (input.find()) {
            Map<String, String> attributes = attributes(input.group(1));
            if ("hidden".equalsIgnoreCase(attributes.get("type")) && attributes.containsKey("name")) {
                fields.put(attributes.get("name"), attributes.getOrDefault("value", ""));
            }
        }
        return Optional.of(Map.entry(page.resolve(action), fields));
    }

    private static Map<String, String> attributes(String tag) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(tag);
        while (m.find()) {
            attributes.put(m.group(1).toLowerCase(Locale.ROOT), unescape(m.group(3) != null ? m.group(3) : m.group(4)));
        }
        return attributes;
    }

    private static String unescape(String text) {
        Matcher m = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String entity = m.group(1);
            String replacement = switch (entity) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> new String(Character.toChars(entity.startsWith("#x")
                        ? Integer.parseInt(entity.substring(2), 16) : Integer.parseInt(entity.substring(1))));
            };
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private void admin(String method, String route, Map<String, String> form) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/testkit/admin" + route))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, HttpRequest.BodyPublishers.ofString(HttpForms.encode(form)))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new IdpUnavailableException(ErrorCode.IDP_INVALID_RESPONSE, "the fake's admin API refused "
                    + method + " " + route + ": "
                    + snippet(response.body()));
        }
    }

    private static HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build();
    }

    private static HttpRequest post(URI uri, Map<String, String> form) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(HttpForms.encode(form), StandardCharsets.UTF_8)).build();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IdpUnavailableException(ErrorCode.IDP_UNAVAILABLE, "cannot reach the fake IdP at " + base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IdpUnavailableException(ErrorCode.IDP_UNAVAILABLE, "interrupted while talking to the fake IdP", e);
        }
    }

    private static String snippet(String body) {
        String text = body.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
