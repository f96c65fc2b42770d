package be.fedauth.saml;

import java.net.URI;

/** The two BOSA FAS environments, with the SAML entity id and metadata URL of each (fas-reference). */
public enum FasEnvironment {
    /** The integration (test) environment. */
    INTEGRATION("https://idp.iamfas.int.belgium.be/fas", "https://iamapps-public.int.belgium.be/saml/fas-metadata.xml"),
    /** Production. */
    PRODUCTION("https://idp.iamfas.belgium.be/fas", "https://iamapps-public.belgium.be/saml/fas-metadata.xml");

    private final String entityId;
    private final URI metadataUrl;

    FasEnvironment(String entityId, String metadataUrl) {
        this.entityId = entityId;
        this.metadataUrl = URI.create(metadataUrl);
    }

    /** The IdP entity id. */
    public String entityId() {
        return entityId;
    }

    /** Where FAS publishes its SAML metadata. */
    public URI metadataUrl() {
        return metadataUrl;
    }

    /** A metadata source builder for this environment, to be completed with the metadata signer or an opt-out. */
    public IdpMetadataSource.Builder metadata() {
        return IdpMetadataSource.fromUrl(metadataUrl, entityId);
    }
}
