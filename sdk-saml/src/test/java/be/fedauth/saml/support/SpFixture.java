package be.fedauth.saml.support;

import be.fedauth.core.SettableClock;
import be.fedauth.core.AuthenticatedUser;
import be.fedauth.core.CallbackRequest;
import be.fedauth.core.LoginRedirect;
import be.fedauth.core.LoginRequest;
import be.fedauth.core.PendingLogin;
import be.fedauth.core.ProviderId;
import be.fedauth.saml.IdpMetadataSource;
import be.fedauth.saml.SamlProvider;
import be.fedauth.saml.SamlSettings;
import be.fedauth.saml.SpKey;
import be.fedauth.saml.SpKeys;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** An SP configured against {@link TestIdp}, with a settable clock. */
public final class SpFixture {
    public static final String SP_ENTITY_ID = "https://customs.example.be/saml/sp";
    public static final String ACS = "https://customs.example.be/callback/saml";
    public static final String SLO = "https://customs.example.be/logout/saml";
    public static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    public final SettableClock clock = SettableClock.fixed(NOW);
    public final TestCredentials idpKey = TestCredentials.rsa("idp");
    public final TestCredentials metadataKey = TestCredentials.rsa("idp-metadata");
    public final TestCredentials spKey = TestCredentials.rsa("sp");
    public final SamlProvider provider;

    public SpFixture() {
        this(b -> b);
    }

    public SpFixture(UnaryOperator<SamlSettings.Builder> customise) {
        this(customise, List.of(TestCredentials.rsa("idp").certificate()));
    }

    public SpFixture(UnaryOperator<SamlSettings.Builder> customise, List<java.security.cert.X509Certificate> idpCerts) {
        IdpMetadataSource idp = IdpMetadataSource.fromXml(TestIdp.metadata(TestIdp.ENTITY_ID, idpCerts, metadataKey),
                TestIdp.ENTITY_ID).signedBy(metadataKey.certificate()).clock(clock).build();
        SpKeys keys = SpKeys.of(SpKey.of(spKey.keyPair().getPrivate(), spKey.certificate()));
        SamlSettings.Builder builder = SamlSettings.builder(ProviderId.of("fas-saml"), SP_ENTITY_ID,
                URI.create(ACS), keys, idp).clock(clock).singleLogoutUrl(URI.create(SLO));
        this.provider = SamlProvider.create(customise.apply(builder).build());
    }

    public LoginRedirect start() {
        return provider.startLogin(LoginRequest.builder().build());
    }

    /** A genuine response to a pending login. */
    public ResponseSpec genuine(PendingLogin pending) {
        return ResponseSpec.genuine(TestIdp.ENTITY_ID, SP_ENTITY_ID, ACS, pending.requestId().orElseThrow(),
                clock.instant(), idpKey);
    }

    public AuthenticatedUser finish(String samlResponse, PendingLogin pending) {
        return provider.finishLogin(CallbackRequest.post(Map.of("SAMLResponse", samlResponse,
                "RelayState", pending.state())), pending);
    }

    public String respond(ResponseSpec spec) {
        return TestIdp.response(spec, spKey.certificate());
    }
}
