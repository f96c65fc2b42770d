package be.fedauth.testkit;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A SAML service provider registered at the fake FAS and the fake social-security IdP.
 *
 * @param entityId               entity id
 * @param acsUrls                assertion consumer service URLs (the first is the default)
 * @param signingCertificate     certificate that verifies the SP's signed requests, if it signs
 * @param encryptionCertificate  certificate the IdP encrypts assertions to, if the SP wants them encrypted
 */
public record SamlServiceProvider(String entityId, List<URI> acsUrls, Optional<X509Certificate> signingCertificate,
                                  Optional<X509Certificate> encryptionCertificate) {
    public SamlServiceProvider {
        Objects.requireNonNull(entityId, "entityId");
        acsUrls = List.copyOf(acsUrls);
        Objects.requireNonNull(signingCertificate, "signingCertificate");
        Objects.requireNonNull(encryptionCertificate, "encryptionCertificate");
        if (entityId.isBlank()) {
            throw new IllegalArgumentException("an entity id is not blank");
        }
        if (acsUrls.isEmpty()) {
            throw new IllegalArgumentException("a service provider has at least one ACS URL");
        }
    }

    @Override
    public String toString() {
        return "SamlServiceProvider[entityId=" + entityId + ", acsUrls=" + acsUrls + ", signs="
                + signingCertificate.isPresent() + ", encrypted=" + encryptionCertificate.isPresent() + "]";
    }
}
