package be.fedauth.oidc.internal;

import be.fedauth.core.AuthenticationException;
import be.fedauth.core.ConfigurationException;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.IdpUnavailableException;
import be.fedauth.oidc.ClientAuthentication;
import be.fedauth.oidc.OidcSettings;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.JWTAuthenticationClaimsSet;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.JWTID;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token endpoint: the authorization code grant with the PKCE verifier (RFC 6749 4.1.3, RFC 7636
 * 4.5) and the refresh grant (RFC 6749 6), with {@code client_secret_basic} or {@code private_key_jwt}
 * (OIDC Core 9). Error responses become typed errors: {@code invalid_grant} is
 * {@code grant_rejected}; {@code invalid_client}, {@code unauthorized_client}, {@code invalid_scope}
 * and {@code unsupported_grant_type} are configuration errors ({@code invalid_configuration}, logged at
 * ERROR with the identity provider's {@code error}, {@code error_description} and the client id and
 * scopes: retrying never helps); other OAuth errors {@code idp_error}; 5xx and garbage
 * {@link IdpUnavailableException}. Thread-safe.
 */
public final class TokenClient {
    private static final Logger LOG = LoggerFactory.getLogger(TokenClient.class);
    /** RFC 6749 5.2 errors that say the client's registration or settings are wrong, not this login. */
    private static final Set<String> CONFIGURATION_ERRORS = Set.of("invalid_client", "unauthorized_client",
            "invalid_scope", "unsupported_grant_type");
    private final OidcSettings settings;
    private final HttpTransport http;

    /** The token response values used. */
    public record Tokens(String idToken, String accessToken, Optional<String> refreshToken) {
        @Override
        public String toString() {
            return "Tokens[***]";
        }
    }

    /** A client for these settings. */
    public TokenClient(OidcSettings settings, HttpTransport http) {
        this.settings = settings;
        this.http = http;
    }

    /** Redeems a code. The response must hold an ID token. */
    public Tokens redeem(URI tokenEndpoint, String code, Optional<String> codeVerifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", settings.redirectUri().toString());
        codeVerifier.ifPresent(v -> form.put("code_verifier", v));
        Tokens tokens = call(tokenEndpoint, form);
        return tokens;
    }

    /** Uses a refresh token. The response must hold a new ID token (it is what proves iss and sub). */
    public Tokens refresh(URI tokenEndpoint, String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        return call(tokenEndpoint, form);
    }

    private Tokens call(URI endpoint, Map<String, String> form) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        ClientAuthentication auth = settings.clientAuthentication();
        ClientID clientId = new ClientID(settings.clientId());
        if (auth.method() == ClientAuthentication.Method.CLIENT_SECRET_BASIC) {
            headers.put("Authorization", new ClientSecretBasic(clientId, new Secret(auth.secret().orElseThrow()))
                    .toHTTPAuthorizationHeader());
        } else {
            form.put("client_id", settings.clientId());
            form.putAll(assertion(endpoint, clientId, auth));
        }
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        HttpTransport.Response response = http.postForm(endpoint, body, headers, "token");
        if (response.status() >= 500) {
            throw new IdpUnavailableException(ErrorCode.IDP_UNAVAILABLE, "the token endpoint answered HTTP " + response.status());
        }
        Map<String, Object> json;
        try {
            json = JSONObjectUtils.parse(response.body());
        } catch (ParseException e) {
            throw new IdpUnavailableException(ErrorCode.IDP_INVALID_RESPONSE,
                    "the token endpoint answered HTTP " + response.status() + " without JSON", e);
        }
        if (!response.ok()) {
            Object error = json.get("error");
            String code = error instanceof String s ? safe(s) : "unknown";
            // RFC 6749 5.2: invalid_grant covers a code that is expired, used, or whose PKCE verifier or
            // redirect URI does not match.
            if ("invalid_grant".equals(code)) {
                throw new AuthenticationException(ErrorCode.GRANT_REJECTED, "the identity provider rejected the grant");
            }
            if (CONFIGURATION_ERRORS.contains(code)) {
                String description = json.get("error_description") instanceof String d ? describe(d) : "(none)";
                LOG.error("OpenID provider {}: configuration error: the token endpoint answered HTTP {} error={}"
                        + " error_description={} for client_id={} ({}) and scopes {}", settings.providerId(),
                        response.status(), code, description, safe(settings.clientId()),
                        settings.clientAuthentication().method(), settings.scopes());
                throw new ConfigurationException("the token endpoint refused the client's configuration: error '"
                        + code + "' (" + description + ")");
            }
            throw new AuthenticationException(ErrorCode.IDP_ERROR, "the token endpoint answered error '"
                    + safe(code) + "'");
        }
        Object tokenType = json.get("token_type");
        Object accessToken = json.get("access_token");
        Object idToken = json.get("id_token");
        Object refresh = json.get("refresh_token");
        if (!(tokenType instanceof String t) || !t.toLowerCase(Locale.ROOT).equals("bearer")
                || !(accessToken instanceof String at) || at.isEmpty()) {
            throw new IdpUnavailableException(ErrorCode.IDP_INVALID_RESPONSE, "the token response has no bearer access token");
        }
        if (!(idToken instanceof String it) || it.isEmpty()) {
            throw new AuthenticationException(ErrorCode.MISSING_CLAIM, "the token response has no ID token");
        }
        return new Tokens(it, at, refresh instanceof String r && !r.isEmpty() ? Optional.of(r) : Optional.empty());
    }

    private Map<String, String> assertion(URI endpoint, ClientID clientId, ClientAuthentication auth) {
        Instant now = settings.clock().instant();
        // OIDC Core 9: iss = sub = client id, aud = the token endpoint, short-lived, unique jti.
        JWTAuthenticationClaimsSet claims = new JWTAuthenticationClaimsSet(clientId,
                List.of(new Audience(endpoint.toString())), Date.from(now.plusSeconds(60)), null, Date.from(now),
                new JWTID(settings.random().next()));
        try {
            PrivateKeyJWT jwt = new PrivateKeyJWT(claims, JWSAlgorithm.parse(auth.algorithm()),
                    auth.privateKey().orElseThrow(), auth.keyId().orElseThrow(), null);
            Map<String, String> params = new LinkedHashMap<>();
            jwt.toParameters().forEach((k, v) -> params.put(k, v.get(0)));
            return params;
        } catch (JOSEException e) {
            throw new be.fedauth.core.ConfigurationException("the client assertion cannot be signed with the configured key", e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /**
     * An OAuth {@code error_description} (RFC 6749 5.2: printable ASCII without {@code "} and
     * {@code \}) of at most 200 characters, else "(not shown)".
     */
    static String describe(String description) {
        return description.length() <= 200 && description.matches("[\\x20-\\x21\\x23-\\x5B\\x5D-\\x7E]*")
                ? description : "(not shown)";
    }

    /** An OAuth error code is ASCII without spaces (RFC 6749 5.2); anything else is not echoed. */
    static String safe(String code) {
        return code.length() <= 64 && code.matches("[A-Za-z0-9_.-]*") ? code : "(not shown)";
    }
}
