package be.fedauth.benchmarks;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * One OpenID Connect client that drives a complete authorization code flow with PKCE S256 over HTTP,
 * the same way against every identity provider: authorize (the IdP answers with a redirect carrying
 * the code, no login page), token ({@code client_secret_basic}), userinfo (Bearer). It checks what a
 * client must see to know the flow worked (302 with code and the same state, tokens, userinfo 200)
 * and validates nothing else: this measures the identity provider, not the client. Thread-safe.
 */
final class CodeFlowClient {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final SecureRandom random = new SecureRandom();
    private final URI authorize;
    private final URI token;
    private final URI userinfo;
    private final String clientId;
    private final String basic;
    private final String redirectUri;
    private final String scope;
    private final Map<String, String> extraAuthorizeParameters;

    CodeFlowClient(URI authorize, URI token, URI userinfo, String clientId, String secret, String redirectUri,
                   String scope, Map<String, String> extraAuthorizeParameters) {
        this.authorize = authorize;
        this.token = token;
        this.userinfo = userinfo;
        this.clientId = clientId;
        this.basic = "Basic " + Base64.getEncoder().encodeToString(
                (enc(clientId) + ":" + enc(secret)).getBytes(StandardCharsets.UTF_8));
        this.redirectUri = redirectUri;
        this.scope = scope;
        this.extraAuthorizeParameters = Map.copyOf(extraAuthorizeParameters);
    }

    /** Runs one flow; returns the size of the userinfo response. */
    int flow() throws IOException, InterruptedException {
        String state = randomValue();
        String verifier = randomValue();
        Map<String, String> params = new HashMap<>(extraAuthorizeParameters);
        params.put("response_type", "code");
        params.put("client_id", clientId);
        params.put("redirect_uri", redirectUri);
        params.put("scope", scope);
        params.put("state", state);
        params.put("nonce", randomValue());
        params.put("code_challenge", challenge(verifier));
        params.put("code_challenge_method", "S256");
        HttpResponse<String> auth = http.send(HttpRequest.newBuilder(URI.create(authorize + "?" + form(params)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        String location = auth.headers().firstValue("Location").orElseThrow(() ->
                new IOException("authorize answered " + auth.statusCode() + " without a redirect: " + clip(auth.body())));
        Map<String, String> callback = query(URI.create(location));
        if (!state.equals(callback.get("state")) || callback.get("code") == null) {
            throw new IOException("authorize redirect without code or with another state: " + clip(location));
        }

        String body = form(Map.of("grant_type", "authorization_code", "code", callback.get("code"),
                "redirect_uri", redirectUri, "code_verifier", verifier));
        HttpResponse<String> tokens = http.send(HttpRequest.newBuilder(token).header("Authorization", basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (tokens.statusCode() != 200) {
            throw new IOException("token answered " + tokens.statusCode() + ": " + clip(tokens.body()));
        }
        Map<String, Object> json;
        try {
            json = JSONObjectUtils.parse(tokens.body());
        } catch (ParseException e) {
            throw new IOException("token response is not JSON", e);
        }
        if (!(json.get("access_token") instanceof String accessToken) || !(json.get("id_token") instanceof String)) {
            throw new IOException("token response without access_token or id_token");
        }

        HttpResponse<String> info = http.send(HttpRequest.newBuilder(userinfo)
                .header("Authorization", "Bearer " + accessToken).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (info.statusCode() != 200) {
            throw new IOException("userinfo answered " + info.statusCode() + ": " + clip(info.body()));
        }
        return info.body().length();
    }

    private String randomValue() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    static String form(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(enc(k)).append('=').append(enc(v));
        });
        return sb.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String clip(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
