package be.fedauth.saml.internal;

import be.fedauth.core.ConfigurationException;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.FedAuthException;
import be.fedauth.core.IdpUnavailableException;
import java.net.URI;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.common.CacheableSAMLObject;
import org.opensaml.saml.saml2.common.TimeBoundSAMLObject;
import org.opensaml.saml.saml2.metadata.EntitiesDescriptor;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.Endpoint;
import org.opensaml.saml.saml2.metadata.IDPSSODescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.security.credential.UsageType;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;

/**
 * Reads an identity provider's SAML metadata (SAML Metadata 2.0): checks its signature against the
 * configured metadata signers, the {@code validUntil} of the entity and every enclosing
 * EntitiesDescriptor, finds the entity, and keeps its strong signing
 * keys and SSO/SLO endpoints. Stateless and thread-safe.
 */
public final class MetadataReader {
    private static final Logger LOG = LoggerFactory.getLogger(MetadataReader.class);
    /** Largest metadata document read: FAS metadata is a few kilobytes. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    private final SignatureChecker signatures = new SignatureChecker();

    /**
     * Reads metadata.
     *
     * @param signers the keys that may sign the metadata; empty when unsigned metadata is allowed
     * @throws IdpUnavailableException {@code idp_invalid_response} when the metadata cannot be used
     * @throws ConfigurationException {@code invalid_configuration} when it is unsigned although signers are given
     */
    public IdpDescriptor read(byte[] xml, String entityId, List<BasicX509Credential> signers, Instant now) {
        if (xml.length > MAX_BYTES) {
            throw invalid("the metadata is larger than " + MAX_BYTES + " bytes", null);
        }
        try {
            OpenSaml saml = OpenSaml.get();
            Document document = saml.parse(xml);
            XMLObject root = saml.unmarshall(document.getDocumentElement());
            EntityDescriptor entity = find(root, entityId, signers);
            // SAML Metadata 2.3.1: validUntil and cacheDuration of every enclosing EntitiesDescriptor
            // apply to the entity too; the earliest wins.
            Optional<Instant> validUntil = Optional.empty();
            Optional<Duration> cacheDuration = Optional.empty();
            for (XMLObject node = entity; node != null; node = node.getParent()) {
                if (node instanceof TimeBoundSAMLObject bound && bound.getValidUntil() != null
                        && validUntil.map(v -> bound.getValidUntil().isBefore(v)).orElse(true)) {
                    validUntil = Optional.of(bound.getValidUntil());
                }
                if (node instanceof CacheableSAMLObject cacheable && cacheable.getCacheDuration() != null
                        && cacheDuration.map(d -> cacheable.getCacheDuration().compareTo(d) < 0).orElse(true)) {
                    cacheDuration = Optional.of(cacheable.getCacheDuration());
                }
            }
            if (validUntil.isPresent() && !now.isBefore(validUntil.get())) {
                throw invalid("the metadata of " + entityId + " expired at " + validUntil.get(), null);
            }
            IDPSSODescriptor idp = entity.getIDPSSODescriptor(SAMLConstants.SAML20P_NS);
            if (idp == null) {
                throw invalid(entityId + " has no SAML 2.0 IDPSSODescriptor", null);
            }
            List<X509Certificate> certificates = signingCertificates(idp, entityId);
            List<BasicX509Credential> credentials = certificates.stream().map(BasicX509Credential::new).toList();
            return new IdpDescriptor(entityId, certificates, credentials,
                    endpoint(idp.getSingleSignOnServices(), SAMLConstants.SAML2_REDIRECT_BINDING_URI),
                    endpoint(idp.getSingleSignOnServices(), SAMLConstants.SAML2_POST_BINDING_URI),
                    endpoint(idp.getSingleLogoutServices(), SAMLConstants.SAML2_REDIRECT_BINDING_URI),
                    validUntil, cacheDuration);
        } catch (IdpUnavailableException | ConfigurationException e) {
            throw e;
        } catch (FedAuthException e) {
            throw invalid("the metadata of " + entityId + " is not acceptable: " + e.getMessage(), e);
        }
    }

    private EntityDescriptor find(XMLObject root, String entityId, List<BasicX509Credential> signers) {
        EntityDescriptor found = null;
        boolean signed = false;
        if (root instanceof EntityDescriptor entity) {
            found = entityId.equals(entity.getEntityID()) ? entity : null;
        } else if (root instanceof EntitiesDescriptor entities) {
            if (entities.isSigned()) {
                verify(entities, signers);
                signed = true;
            }
            for (EntityDescriptor entity : entities.getEntityDescriptors()) {
                if (entityId.equals(entity.getEntityID())) {
                    found = entity;
                }
            }
        }
        if (found == null) {
            throw invalid("the metadata does not describe " + entityId, null);
        }
        if (found.isSigned()) {
            verify(found, signers);
            signed = true;
        }
        if (!signed && !signers.isEmpty()) {
            // Not a passing outage: retrying never helps. Either the metadata URL serves an unsigned copy
            // (the IdP publishes signed metadata elsewhere) or a signer was configured for unsigned metadata.
            throw new ConfigurationException("the metadata of " + entityId + " is not signed, but a metadata signer"
                    + " is configured (signedBy): point the source at the signed metadata");
        }
        return found;
    }

    private void verify(org.opensaml.saml.common.SignableSAMLObject object, List<BasicX509Credential> signers) {
        if (signers.isEmpty()) {
            return; // Unsigned metadata was explicitly allowed: a signature is then not checked either.
        }
        signatures.verify(object, signers, "metadata");
    }

    private static List<X509Certificate> signingCertificates(IDPSSODescriptor idp, String entityId) {
        List<X509Certificate> strong = new ArrayList<>();
        for (KeyDescriptor descriptor : idp.getKeyDescriptors()) {
            if (descriptor.getUse() == UsageType.ENCRYPTION || descriptor.getKeyInfo() == null) {
                continue;
            }
            try {
                for (X509Certificate certificate : KeyInfoSupport.getCertificates(descriptor.getKeyInfo())) {
                    if (KeyStrength.isStrong(certificate.getPublicKey())) {
                        strong.add(certificate);
                    } else {
                        LOG.warn("ignoring a weak signing key ({}) in the metadata of {}",
                                certificate.getPublicKey().getAlgorithm(), entityId);
                    }
                }
            } catch (CertificateException e) {
                throw invalid("a certificate in the metadata of " + entityId + " cannot be read", e);
            }
        }
        if (strong.isEmpty()) {
            throw invalid("the metadata of " + entityId + " has no usable signing key", null);
        }
        return strong;
    }

    private static Optional<URI> endpoint(List<? extends Endpoint> endpoints, String binding) {
        for (Endpoint endpoint : endpoints) {
            if (binding.equals(endpoint.getBinding()) && endpoint.getLocation() != null) {
                try {
                    return Optional.of(new URI(endpoint.getLocation()));
                } catch (java.net.URISyntaxException e) {
                    throw invalid("an endpoint in the metadata is not a URI", e);
                }
            }
        }
        return Optional.empty();
    }

    private static IdpUnavailableException invalid(String message, Throwable cause) {
        return cause == null ? new IdpUnavailableException(ErrorCode.IDP_INVALID_RESPONSE, message)
                : new IdpUnavailableException(ErrorCode.IDP_INVALID_RESPONSE, message, cause);
    }
}
