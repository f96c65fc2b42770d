package be.fedauth.testkit.oidc;

import be.fedauth.core.DigitalKey;
import be.fedauth.testkit.FakeFas;
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
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Plays a relying party against the fake FAS over plain HTTP: the demo client, PKCE S256. */
final class OidcClientDriver {
    static final String CLIENT = "fedauth-demo";
    static final String SECRET = "fedauth-demo-secret";
    static final String REDIRECT = "http://127.0.0.1:8080/callback/oidc";
    static final String VERIFIER = "verifier-0123456789-0123456789-0123456789-0123456789";

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final FakeFas fas;

    OidcClientDriver(FakeFas fas) {
        this.fas = fas;
    }

    String base() {
        return fas.baseUri() + "/fas/oauth2";
    }

    /** The query of the redirect that the authorization endpoint answers for this persona and key. */
    Map<String, String> authorize(String person, DigitalKey key, Map<String, String> extra) throws Exception {
        fas.preselectLogin(person, key);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", CLIENT);
        params.put("redirect_uri", REDIRECT);
        params.put("scope", "openid profile egovnrn roles");
        params.put("state", "st-1");
        params.put("nonce", "n-1");
        params.put("code_challenge", challenge(VERIFIER));
        params.put("code_challenge_method", "S256");
        params.putAll(extra);
        params.values().removeIf(String::isEmpty);
        HttpResponse<String> r = get(URI.create(base() + "/authorize?" + form(params)), Map.of());
        if (r.statusCode() != 302) {
            throw new AssertionError("authorize answered " + r.statusCode() + ": " + r.body());
        }
        return query(r.headers().firstValue("Location").orElseThrow());
    }

    String code() throws Exception {
        return authorize("citizen", DigitalKey.EID, Map.of()).get("code");
    }

    HttpResponse<String> token(Map<String, String> form, Optional<String> basicSecret) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + "/access_token"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)));
        basicSecret.ifPresent(s -> b.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((CLIENT + ":" + s).getBytes(StandardCharsets.UTF_8))));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Redeems a code with the demo client's secret and the right verifier. */
    HttpResponse<String> redeem(String code) throws Exception {
        return token(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT,
                "code_verifier", VERIFIER), Optional.of(SECRET));
    }

    Map<String, Object> redeemJson(String code) throws Exception {
        HttpResponse<String> r = redeem(code);
        if (r.statusCode() != 200) {
            throw new AssertionError("token answered " + r.statusCode() + ": " + r.body());
        }
        return JSONObjectUtils.parse(r.body());
    }

    HttpResponse<String> get(URI uri, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String challenge(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    static String form(Map<String, String> params) {
        return params.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    static Map<String, String> query(String location) {
        Map<String, String> out = new LinkedHashMap<>();
        String q = URI.create(location).getRawQuery();
        if (q == null) {
            return out;
        }
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
