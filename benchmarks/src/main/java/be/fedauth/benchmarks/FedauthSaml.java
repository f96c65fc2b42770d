package be.fedauth.benchmarks;

import be.fedauth.core.AuthenticatedUser;
import be.fedauth.core.CallbackRequest;
import be.fedauth.core.LoginRequest;
import be.fedauth.core.PendingLogin;
import be.fedauth.core.ProviderId;
import be.fedauth.saml.IdpMetadataSource;
import be.fedauth.saml.SamlProvider;
import be.fedauth.saml.SamlSettings;
import be.fedauth.saml.SpKey;
import be.fedauth.saml.SpKeys;
import java.net.URI;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.Map;

/**
 * fedauth's sdk-saml {@code finishLogin} on the minted responses, through the public API: a provider
 * for the FAS profile trusting the minted IdP certificate (from unsigned metadata), the SP key that
 * the encrypted assertion is encrypted to, and a no-op replay cache (the same assertion is validated
 * again and again).
 */
final class FedauthSaml {
    private final SamlProvider provider;
    private final PendingLogin pending;
    private final CallbackRequest signed;
    private final CallbackRequest encrypted;

    FedauthSaml(SamlResponses responses) {
        Clock clock = Clock.systemUTC();
        IdpMetadataSource idp = IdpMetadataSource.fromXml(responses.idpMetadataXml, SamlResponses.IDP_ENTITY_ID)
                .allowUnsignedMetadata().clock(clock).build();
        PrivateKey spPrivate = responses.sp.getPrivateKey();
        SpKeys keys = SpKeys.of(SpKey.of(spPrivate, responses.sp.getEntityCertificate()));
        provider = SamlProvider.create(SamlSettings.builder(ProviderId.of("fas-saml"), SamlResponses.SP_ENTITY_ID,
                        URI.create(SamlResponses.ACS), keys, idp)
                .clock(clock)
                .replayCache((namespace, id, expiresAt) -> { })
                .build());
        String state = "benchmark-relay-state-0123456789abcdefghijklm";
        pending = PendingLogin.builder(provider.id(), LoginRequest.builder().build(), state, clock.instant())
                .requestId(SamlResponses.REQUEST_ID).build();
        signed = CallbackRequest.post(Map.of("SAMLResponse", responses.signedParameter(), "RelayState", state));
        encrypted = CallbackRequest.post(Map.of("SAMLResponse", responses.encryptedParameter(), "RelayState", state));
    }

    AuthenticatedUser finishSigned() {
        return provider.finishLogin(signed, pending);
    }

    AuthenticatedUser finishEncrypted() {
        return provider.finishLogin(encrypted, pending);
    }
}
