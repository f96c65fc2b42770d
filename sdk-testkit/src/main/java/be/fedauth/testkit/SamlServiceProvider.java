package be.fedauth.testkit;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A SAML service provider registered at the fake FAS and the fake social-security IdP.
 *
 * <p>With a single-logout URL, the fake answers the SP's signed LogoutRequest with a signed
 * LogoutResponse over HTTP-Redirect to that URL (SAML Profiles 4.4.3.3); without one it shows a
 * "logged out" page instead.
 *
 * @param entityId               entity id
 * @param acsUrls                assertion consumer service URLs (the first is the default)
 * @param signingCertificate     certificate that verifies the SP's signed requests, if it signs
 * @param encryptionCertificate  certificate the IdP encrypts assertions to, if the SP wants them encrypted
 * @param singleLogoutUrl        where the IdP sends its LogoutResponse (HTTP-Redirect), if the SP has an SLO endpoint
 */
public record SamlServiceProvider(String entityId, List<URI> acsUrls, Optional<X509Certificate> signingCertificate,
                                  Optional<X509Certificate> encryptionCertificate, Optional<URI> singleLogoutUrl) {
    public SamlServiceProvider {
        Objects.requireNonNull(entityId, "entityId");
        acsUrls = List.copyOf(acsUrls);
        Objects.requireNonNull(signingCertificate, "signingCertificate");
        Objects.requireNonNull(encryptionCertificate, "encryptionCertificate");
        Objects.requireNonNull(singleLogoutUrl, "singleLogoutUrl");
        if (entityId.isBlank()) {
            throw new IllegalArgumentException("an entity id is not blank");
        }
        if (acsUrls.isEmpty()) {
            throw new IllegalArgumentException("a service provider has at least one ACS URL");
        }
        singleLogoutUrl.ifPresent(SamlServiceProvider::checkAbsolute);
    }

    /**
     * A service provider without a single-logout URL.
     *
     * @param entityId               entity id
     * @param acsUrls                assertion consumer service URLs (the first is the default)
     * @param signingCertificate     certificate that verifies the SP's signed requests, if it signs
     * @param encryptionCertificate  certificate the IdP encrypts assertions to, if the SP wants them encrypted
     */
    public SamlServiceProvider(String entityId, List<URI> acsUrls, Optional<X509Certificate> signingCertificate,
                               Optional<X509Certificate> encryptionCertificate) {
        this(entityId, acsUrls, signingCertificate, encryptionCertificate, Optional.empty());
    }

    /**
     * This service provider with a single-logout URL (an absolute URL without fragment).
     *
     * @param url where the IdP sends its LogoutResponse
     * @return a copy with that URL
     */
    public SamlServiceProvider withSingleLogoutUrl(URI url) {
        Objects.requireNonNull(url, "url");
        return new SamlServiceProvider(entityId, acsUrls, signingCertificate, encryptionCertificate, Optional.of(url));
    }

    private static void checkAbsolute(URI url) {
        if (!url.isAbsolute() || url.getFragment() != null) {
            throw new IllegalArgumentException("a single-logout URL is absolute, without fragment");
        }
    }

    @Override
    public String toString() {
        return "SamlServiceProvider[entityId=" + entityId + ", acsUrls=" + acsUrls + ", signs="
                + signingCertificate.isPresent() + ", encrypted=" + encryptionCertificate.isPresent()
                + ", singleLogoutUrl=" + singleLogoutUrl.map(URI::toString).orElse("none") + "]";
    }
}
