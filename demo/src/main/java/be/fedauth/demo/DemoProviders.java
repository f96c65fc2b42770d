package be.fedauth.demo;

import be.fedauth.core.AuthenticationProvider;
import be.fedauth.core.ConfigurationException;
import be.fedauth.core.KeyRetirement;
import be.fedauth.core.ProviderId;
import be.fedauth.core.Transition;
import be.fedauth.core.TransitionAuthenticationProvider;
import be.fedauth.oidc.ClientAuthentication;
import be.fedauth.oidc.OidcProvider;
import be.fedauth.oidc.OidcSettings;
import be.fedauth.saml.IdpMetadataSource;
import be.fedauth.saml.SamlProvider;
import be.fedauth.saml.SamlSettings;
import be.fedauth.saml.SamlProfile;
import be.fedauth.saml.SpKey;
import be.fedauth.saml.SpKeys;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The portal's providers: FAS over OpenID Connect ("oidc") and SAML ("saml"), and for NCTS a
 * {@link TransitionAuthenticationProvider} per protocol from the social-security login to FAS, all
 * against the fake FAS or against the identity providers the options name.
 *
 * @param general the providers for every e-service, by protocol name
 * @param ncts the NCTS transition providers, by protocol name (empty without a social-security IdP)
 */
record DemoProviders(Map<String, AuthenticationProvider> general, Map<String, TransitionAuthenticationProvider> ncts) {

    static DemoProviders create(DemoOptions o, Optional<FakeIdp> fake, URI publicUrl, Clock clock) {
        URI redirect = publicUrl.resolve("/callback/oidc");
        URI acs = publicUrl.resolve("/callback/saml");
        // The filter's single-logout endpoint: logging out at the IdP ends the portal session too.
        URI slo = publicUrl.resolve("/saml/slo");
        String spEntityId = o.samlSpEntityId().orElse(publicUrl.resolve("/saml/sp").toString());
        ProfileOptions p = o.profiles();
        Map<String, AuthenticationProvider> general = new LinkedHashMap<>();
        Optional<AuthenticationProvider> socialSecurity = Optional.empty();

        if (fake.isPresent()) {
            FakeIdp fas = fake.get();
            fas.registerOidcClient(redirect);
            SpKey spKey = SpKey.fromPem(fas.resource("demo-sp.key.pem"), fas.resource("demo-sp.cert.pem"));
            fas.registerSamlServiceProvider(spEntityId, acs, slo, spKey.certificate());
            general.put("oidc", OidcProvider.create(p.oidc(fas.oidcIssuer(), FakeIdp.CLIENT_ID, redirect,
                    ClientAuthentication.clientSecretBasic(FakeIdp.CLIENT_SECRET)).allowHttpForLoopback().clock(clock).build()));
            general.put("saml", saml(p, spEntityId, acs, slo, spKey, clock,
                    IdpMetadataSource.fromUrl(fas.samlMetadataUri(), fas.samlEntityId()).signedBy(fas.signingCertificate())));
            socialSecurity = Optional.of(socialSecurity(spEntityId, acs, slo, spKey, clock,
                    IdpMetadataSource.fromUrl(fas.socialSecurityMetadataUri(), fas.socialSecurityEntityId())
                            .signedBy(fas.socialSecuritySigningCertificate())));
        } else {
            if (o.oidcIssuer().isPresent()) {
                OidcSettings.Builder oidc = p.oidc(o.oidcIssuer().get(),
                        o.oidcClientId().orElseThrow(() -> new ConfigurationException("--oidc-client-id is required")),
                        redirect, ClientAuthentication.clientSecretBasic(o.oidcClientSecret()
                                .orElseThrow(() -> new ConfigurationException("--oidc-client-secret is required"))))
                        .clock(clock);
                if ("http".equals(o.oidcIssuer().get().getScheme())) {
                    oidc.allowHttpForLoopback();
                }
                general.put("oidc", OidcProvider.create(oidc.build()));
            }
            Optional<SpKey> spKey = o.samlKeystore().map(f -> keystore(f, o.samlKeystorePassword().orElse("")));
            if (o.samlIdpMetadata().isPresent()) {
                general.put("saml", saml(p, spEntityId, acs, slo, spKey.orElseThrow(() ->
                        new ConfigurationException("--saml-keystore is required for SAML")), clock,
                        metadata(o.samlIdpMetadata().get(), o.samlIdpEntityId(), o.samlIdpMetadataCert(),
                                p.samlIdpMetadataUnsigned())));
            }
            if (o.socialSecurityMetadata().isPresent()) {
                socialSecurity = Optional.of(socialSecurity(spEntityId, acs, slo, spKey.orElseThrow(() ->
                        new ConfigurationException("--saml-keystore is required for SAML")),
                        clock, metadata(o.socialSecurityMetadata().get(), o.socialSecurityEntityId(), Optional.empty(), false)));
            }
            if (general.isEmpty()) {
                throw new ConfigurationException("without the fake IdP, give --oidc-issuer or --saml-idp-metadata");
            }
        }
        Map<String, TransitionAuthenticationProvider> ncts = new LinkedHashMap<>();
        if (socialSecurity.isPresent()) {
            AuthenticationProvider legacy = socialSecurity.get();
            general.forEach((protocol, successor) -> ncts.put(protocol, TransitionAuthenticationProvider
                    .builder(ProviderId.of("ncts-" + protocol),
                            Transition.ncts(legacy.id(), successor.id(), o.nctsGraceEnd()), legacy, successor)
                    .retire(KeyRetirement.TOKEN).clock(clock).build()));
        }
        return new DemoProviders(general, ncts);
    }

    /** The "saml" provider: the profile, provider id and opt-ins of the options. */
    private static SamlProvider saml(ProfileOptions p, String spEntityId, URI acs, URI slo, SpKey key, Clock clock,
                                     IdpMetadataSource.Builder metadata) {
        return SamlProvider.create(p.saml(SamlSettings.builder(p.samlId(), spEntityId, acs, SpKeys.of(key),
                metadata.clock(clock).build())).singleLogoutUrl(slo).clock(clock).build());
    }

    private static SamlProvider socialSecurity(String spEntityId, URI acs, URI slo, SpKey key, Clock clock,
                                               IdpMetadataSource.Builder metadata) {
        return SamlProvider.create(SamlSettings.builder(ProviderId.of("social-security"), spEntityId, acs, SpKeys.of(key),
                metadata.clock(clock).build()).profile(SamlProfile.socialSecurity()).singleLogoutUrl(slo).clock(clock).build());
    }

    private static IdpMetadataSource.Builder metadata(String location, Optional<String> entityId, Optional<Path> cert,
                                                      boolean unsigned) {
        String entity = entityId.orElseThrow(() -> new ConfigurationException("the IdP entity id is required"));
        boolean url = location.startsWith("https://") || location.startsWith("http://");
        IdpMetadataSource.Builder metadata = url ? IdpMetadataSource.fromUrl(URI.create(location), entity)
                : IdpMetadataSource.fromFile(Path.of(location), entity);
        if (cert.isPresent() && unsigned) {
            throw new ConfigurationException("--saml-idp-metadata-cert and --saml-idp-metadata-unsigned exclude each other");
        }
        if (cert.isPresent()) {
            return metadata.signedBy(certificate(cert.get()));
        }
        if (url && !unsigned) {
            throw new ConfigurationException("metadata fetched from " + location + " needs --saml-idp-metadata-cert"
                    + " (or --saml-idp-metadata-unsigned)");
        }
        // A local file the operator put there is trusted as it is; a URL only on --saml-idp-metadata-unsigned
        // (IdpMetadataSource then requires https, or http on loopback, and logs the opt-out at WARN).
        return metadata.allowUnsignedMetadata();
    }

    private static X509Certificate certificate(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigurationException("cannot read the certificate " + pem, e);
        }
    }

    private static SpKey keystore(Path file, String password) {
        try (InputStream in = Files.newInputStream(file)) {
            return SpKey.fromPkcs12(in, password.toCharArray());
        } catch (IOException e) {
            throw new ConfigurationException("cannot read the keystore " + file, e);
        }
    }
}
