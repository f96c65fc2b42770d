package be.fedauth.saml.internal;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opensaml.security.x509.BasicX509Credential;

/**
 * What the SP uses of an identity provider's metadata, read once per metadata load: its entity id,
 * its signing keys (as credentials built once, so that no verification rebuilds them) and endpoints.
 *
 * @param entityId the IdP entity id
 * @param signingCertificates certificates whose keys may sign responses (weak keys already removed)
 * @param credentials the same, as OpenSAML credentials
 * @param ssoRedirect the SingleSignOnService for HTTP-Redirect
 * @param ssoPost the SingleSignOnService for HTTP-POST
 * @param sloRedirect the SingleLogoutService for HTTP-Redirect
 * @param validUntil when the metadata stops being valid (the earliest of the entity and its enclosing groups)
 * @param cacheDuration how long a copy may be cached before a refresh (the shortest stated)
 */
public record IdpDescriptor(String entityId, List<X509Certificate> signingCertificates,
                            List<BasicX509Credential> credentials, Optional<URI> ssoRedirect, Optional<URI> ssoPost,
                            Optional<URI> sloRedirect, Optional<Instant> validUntil,
                            Optional<Duration> cacheDuration) {
    /** Validates and copies. */
    public IdpDescriptor {
        Objects.requireNonNull(entityId, "entityId");
        signingCertificates = List.copyOf(signingCertificates);
        credentials = List.copyOf(credentials);
        Objects.requireNonNull(ssoRedirect, "ssoRedirect");
        Objects.requireNonNull(ssoPost, "ssoPost");
        Objects.requireNonNull(sloRedirect, "sloRedirect");
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(cacheDuration, "cacheDuration");
    }
}
