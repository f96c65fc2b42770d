package be.fedauth.oidc.internal;

import be.fedauth.core.ConfigurationException;
import be.fedauth.core.spi.IdentityNames;
import be.fedauth.oidc.OidcSettings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The checks {@link OidcSettings.Builder#build()} runs on the settings it made. */
public final class SettingsChecks {
    /** The JWS algorithms that may be allowed: none and HMAC can never be (RFC 8725 3.1, 3.2). */
    private static final Set<String> ALLOWABLE = Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
            "ES256", "ES384", "ES512");
    private static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private SettingsChecks() {
    }

    /**
     * Checks every value.
     *
     * @throws ConfigurationException when a value is out of range, a URL is not https, or an algorithm
     *     is not allowed
     */
    public static void check(OidcSettings s) {
        if (s.clientId().isBlank()) {
            throw new ConfigurationException("the client id is blank");
        }
        boolean loopback = s.httpForLoopback();
        url("issuer", s.issuer(), loopback);
        s.issuerAlias().ifPresent(u -> {
            if (u.equals(s.issuer())) {
                throw new ConfigurationException("the issuer alias equals the issuer");
            }
        });
        url("redirect URI", s.redirectUri(), loopback);
        url("authorization endpoint", s.authorizationEndpoint(), loopback);
        url("token endpoint", s.tokenEndpoint(), loopback);
        url("userinfo endpoint", s.userinfoEndpoint(), loopback);
        url("JWKS URL", s.jwksUri(), loopback);
        url("end-session endpoint", s.endSessionEndpoint(), loopback);
        if (!s.discovery() && (s.authorizationEndpoint().isEmpty() || s.tokenEndpoint().isEmpty()
                || s.jwksUri().isEmpty())) {
            throw new ConfigurationException("without discovery the authorization, token and JWKS endpoints are required");
        }
        if (s.algorithms().isEmpty()) {
            throw new ConfigurationException("no signature algorithm allowed");
        }
        for (String alg : s.algorithms()) {
            if (!ALLOWABLE.contains(alg)) {
                throw new ConfigurationException("the algorithm " + alg + " cannot be allowed for ID tokens");
            }
        }
        if (s.clockSkew().isNegative() || s.clockSkew().compareTo(MAX_SKEW) > 0) {
            throw new ConfigurationException("the clock skew is between 0 and 5 minutes");
        }
        positive("connect timeout", s.connectTimeout());
        positive("read timeout", s.readTimeout());
        positive("JWKS cache time", s.jwksCacheTtl());
        positive("JWKS refetch interval", s.jwksRefetchInterval());
        positive("JWKS outage tolerance", s.jwksOutageTolerance());
        positive("metadata cache time", s.metadataCacheTtl());
        positive("metadata failure cache time", s.metadataFailureCacheTtl());
        if (s.metadataFailureCacheTtl().compareTo(Duration.ofMinutes(5)) > 0) {
            throw new ConfigurationException("a failed discovery fetch is remembered at most 5 minutes");
        }
        if (s.maxTokenAge().compareTo(Duration.ofMinutes(1)) < 0 || s.maxTokenAge().compareTo(Duration.ofHours(24)) > 0) {
            throw new ConfigurationException("the maximum token age is between 1 minute and 24 hours");
        }
        Duration pending = s.pendingLoginLifetime();
        if (pending.isNegative() || pending.isZero() || pending.compareTo(Duration.ofHours(1)) > 0) {
            throw new ConfigurationException("a pending login lives between 1 second and 1 hour");
        }
        if (s.maxResponseBytes() < 1024 || s.maxResponseBytes() > 16 * 1024 * 1024) {
            throw new ConfigurationException("the response size limit is between 1 KiB and 16 MiB");
        }
        // No key offered is allowed: a generic provider is asked for levels only (its vocabulary names no key).
        claimNames(s.claimNames());
        for (String scope : s.scopes()) {
            if (scope.isBlank() || scope.chars().anyMatch(c -> c <= 0x20 || c == '"' || c == '\\')) {
                throw new ConfigurationException("a scope is blank or has a space or quote");
            }
        }
    }

    /**
     * Claim names that must never hold a profile value: protocol claims and those read from signed sources
     * only. Plain userinfo may set profile claims (given and family name, e-mail, language), so a profile
     * name here, or one that is also a national-number name, would let unsigned JSON set them.
     */
    private static final Set<String> RESERVED = Set.of("iss", "sub", "aud", "exp", "iat", "nbf", "jti", "nonce",
            "acr", "amr", "azp", "auth_time", "at_hash", "c_hash", "sid", "fedid", "roles", "mandates");

    private static void claimNames(IdentityNames names) {
        List<String> national = names.names(IdentityNames.Field.NATIONAL_NUMBER);
        for (IdentityNames.Field field : IdentityNames.Field.values()) {
            for (String name : names.names(field)) {
                if (RESERVED.contains(name)) {
                    throw new ConfigurationException("the claim '" + name + "' cannot be read as the " + field.id());
                }
                if (field != IdentityNames.Field.NATIONAL_NUMBER && national.contains(name)) {
                    throw new ConfigurationException("the claim '" + name + "' is named for the " + field.id()
                            + " and for the national-number");
                }
            }
        }
    }

    private static void positive(String what, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new ConfigurationException("the " + what + " must be positive");
        }
    }

    private static void url(String what, Optional<URI> uri, boolean loopback) {
        uri.ifPresent(u -> url(what, u, loopback));
    }

    private static void url(String what, URI uri, boolean loopback) {
        if (!Urls.allowed(uri, loopback)) {
            throw new ConfigurationException("the " + what + " must be an absolute https URL without fragment (http"
                    + " only for loopback hosts after allowHttpForLoopback()): " + uri);
        }
    }
}
