package be.fedauth.oidc.internal;

import be.fedauth.core.AuthenticationException;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.FedAuthException;
import be.fedauth.core.IdpUnavailableException;
import be.fedauth.oidc.OidcSettings;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.text.ParseException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The endpoints, from the settings and, when enabled, the discovery document (OIDC Discovery 4),
 * cached for the metadata cache time. The discovery document's {@code issuer} must be exactly the
 * configured issuer or its declared alias (OIDC Discovery 4.3): no normalisation. Thread-safe.
 */
public final class MetadataSource {
    private final OidcSettings settings;
    private final HttpTransport http;
    private volatile Cached cached;

    private record Cached(Endpoints endpoints, Instant until) {
    }

    /** A source for these settings. */
    public MetadataSource(OidcSettings settings, HttpTransport http) {
        this.settings = settings;
        this.http = http;
    }

    /**
     * The endpoints.
     *
     * @throws AuthenticationException {@code issuer_mismatch} when discovery names another issuer
     * @throws IdpUnavailableException when discovery cannot be fetched or parsed
     */
    public Endpoints endpoints() {
        if (!settings.discovery()) {
            return fromSettings(settings.issuer(), Map.of());
        }
        Instant now = settings.clock().instant();
        Cached c = cached;
        if (c != null && now.isBefore(c.until)) {
            return c.endpoints;
        }
        synchronized (this) {
            c = cached;
            if (c != null && now.isBefore(c.until)) {
                return c.endpoints;
            }
            Endpoints fresh = discover();
            cached = new Cached(fresh, now.plus(settings.metadataCacheTtl()));
            return fresh;
        }
    }

    private Endpoints discover() {
        String base = settings.issuer().toString();
        URI url = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                + "/.well-known/openid-configuration");
        HttpTransport.Response response = http.get(url, Map.of("Accept", "application/json"), "discovery");
        if (!response.ok()) {
            throw new IdpUnavailableException(response.status() >= 500 ? ErrorCode.IDP_UNAVAILABLE
                    : ErrorCode.IDP_INVALID_RESPONSE, "discovery answered HTTP " + response.status());
        }
        Map<String, Object> json;
        try {
            json = JSONObjectUtils.parse(response.body());
        } catch (ParseException e) {
            throw new IdpUnavailableException(ErrorCode.IDP_INVALID_RESPONSE, "the discovery document is not JSON", e);
        }
        Object issuer = json.get("issuer");
        if (!(issuer instanceof String declared)) {
            throw new IdpUnavailableException(ErrorCode.IDP_INVALID_RESPONSE, "the discovery document has no issuer");
        }
        if (!Issuers.accepted(settings, declared)) {
            throw new AuthenticationException(ErrorCode.ISSUER_MISMATCH, "the discovery document declares issuer '"
                    + Issuers.shown(declared) + "' but the configured issuer is '" + settings.issuer() + "'"
                    + settings.issuerAlias().map(a -> " (alias '" + a + "')").orElse(""));
        }
        return fromSettings(URI.create(declared), json);
    }

    private Endpoints fromSettings(URI issuer, Map<String, Object> json) {
        try {
            URI authorization = settings.authorizationEndpoint().or(() -> uri(json, "authorization_endpoint"))
                    .orElseThrow(() -> missing("authorization_endpoint"));
            URI token = settings.tokenEndpoint().or(() -> uri(json, "token_endpoint"))
                    .orElseThrow(() -> missing("token_endpoint"));
            URI jwks = settings.jwksUri().or(() -> uri(json, "jwks_uri")).orElseThrow(() -> missing("jwks_uri"));
            Optional<URI> userinfo = settings.userinfoEndpoint().or(() -> uri(json, "userinfo_endpoint"));
            Optional<URI> endSession = settings.endSessionEndpoint().or(() -> uri(json, "end_session_endpoint"));
            boolean iss = Boolean.TRUE.equals(json.get("authorization_response_iss_parameter_supported"));
            return new Endpoints(issuer, authorization, token, userinfo, jwks, endSession, iss);
        } catch (IllegalArgumentException e) {
            throw new IdpUnavailableException(ErrorCode.IDP_INVALID_RESPONSE, "the discovery document has a bad URL", e);
        }
    }

    private static FedAuthException missing(String name) {
        return new IdpUnavailableException(ErrorCode.IDP_INVALID_RESPONSE, "the discovery document has no " + name);
    }

    private Optional<URI> uri(Map<String, Object> json, String name) {
        Object value = json.get(name);
        if (!(value instanceof String s)) {
            return Optional.empty();
        }
        URI u = URI.create(s);
        if (!Urls.allowed(u, settings.httpForLoopback())) {
            throw new IdpUnavailableException(ErrorCode.IDP_INVALID_RESPONSE, "the discovery document's " + name
                    + " is not https");
        }
        return Optional.of(u);
    }
}
