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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The endpoints, from the settings and, when enabled, the discovery document (OIDC Discovery 4),
 * cached for the metadata cache time. The discovery document's {@code issuer} must be exactly the
 * configured issuer or its declared alias (OIDC Discovery 4.3): no normalisation.
 *
 * <p>Under a slow or failing identity provider: one fetch is in flight at a time and no lock is held
 * while it runs; while a last good document exists nobody waits for a refresh (it is used until the
 * refresh succeeds, however long the outage, and each failed refresh is logged at WARN); without one,
 * the other logins wait at most the fetch deadline (connect plus read timeout) and then fail with
 * {@code idp_unavailable}. A failure is remembered for the metadata failure cache time, during which
 * no fetch is made. Thread-safe.
 */
public final class MetadataSource {
    private static final Logger LOG = LoggerFactory.getLogger(MetadataSource.class);

    private final OidcSettings settings;
    private final HttpTransport http;
    private final SingleFlight<Endpoints> flight;
    private volatile State state = new State(null, Instant.MIN, null, Instant.MIN);

    /** The last good document (or null) and until when it is fresh; the last failure (or null) and until when it stands. */
    private record State(Endpoints good, Instant goodUntil, FedAuthException failure, Instant failureUntil) {
    }

    /** A source for these settings. */
    public MetadataSource(OidcSettings settings, HttpTransport http) {
        this.settings = settings;
        this.http = http;
        this.flight = new SingleFlight<>("discovery", settings.connectTimeout().plus(settings.readTimeout()));
    }

    /**
     * The endpoints.
     *
     * @throws AuthenticationException {@code issuer_mismatch} when discovery names another issuer
     * @throws IdpUnavailableException when discovery cannot be fetched or parsed and no good copy is held
     */
    public Endpoints endpoints() {
        if (!settings.discovery()) {
            return fromSettings(settings.issuer(), Map.of());
        }
        Instant now = settings.clock().instant();
        State s = state;
        if (s.good != null && now.isBefore(s.goodUntil)) {
            return s.good;
        }
        if (s.failure != null && now.isBefore(s.failureUntil)) {
            if (s.good != null) {
                return s.good; // A recent refresh failed: keep the last good copy, do not ask again yet.
            }
            throw SingleFlight.copy(s.failure);
        }
        if (s.good != null && flight.busy()) {
            return s.good; // Another login is refreshing: nobody waits while a good copy exists.
        }
        try {
            return flight.run(() -> fetch(now));
        } catch (FedAuthException e) {
            State after = state;
            if (after.good != null) {
                return after.good;
            }
            throw e;
        }
    }

    private Endpoints fetch(Instant now) {
        State before = state;
        try {
            Endpoints fresh = discover();
            state = new State(fresh, now.plus(settings.metadataCacheTtl()), null, Instant.MIN);
            return fresh;
        } catch (FedAuthException e) {
            state = new State(before.good, before.goodUntil, e, now.plus(settings.metadataFailureCacheTtl()));
            if (before.good != null) {
                LOG.warn("OpenID provider {}: discovery refresh failed ({}: {}); using the last good discovery document,"
                        + " next attempt in {} s", settings.providerId(), e.code(), Reasons.of(e),
                        settings.metadataFailureCacheTtl().toSeconds());
            } else {
                LOG.warn("OpenID provider {}: discovery failed ({}: {}); logins fail for {} s, then it is fetched again",
                        settings.providerId(), e.code(), Reasons.of(e), settings.metadataFailureCacheTtl().toSeconds());
            }
            throw e;
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
