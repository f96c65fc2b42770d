package be.fedauth.testkit.saml;

import be.fedauth.core.AuthenticatedUser;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.LoginRedirect;
import be.fedauth.core.LoginRequest;
import be.fedauth.core.ProviderId;
import be.fedauth.saml.IdpMetadataSource;
import be.fedauth.saml.SamlProvider;
import be.fedauth.saml.SamlProfile;
import be.fedauth.saml.SamlSettings;
import be.fedauth.saml.SpKey;
import be.fedauth.saml.SpKeys;
import be.fedauth.testkit.FakeFas;
import be.fedauth.testkit.HeadlessLogin;
import be.fedauth.testkit.LoginCallback;
import be.fedauth.testkit.SamlServiceProvider;
import be.fedauth.core.SettableClock;
import be.fedauth.testkit.internal.KeyMaterial;
import be.fedauth.testkit.internal.TestKeys;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** A fake FAS on a random loopback port and the SDK's SAML providers registered at it, sharing one settable clock. */
final class SamlHarness implements AutoCloseable {
    static final String SP_ENTITY_ID = "https://customs.example.be/saml/sp";
    static final URI ACS = URI.create("https://customs.example.be/callback/saml");
    static final URI SLO = URI.create("https://customs.example.be/logout/saml");
    private static final KeyMaterial SP_KEY = TestKeys.fresh("sp under test");

    final SettableClock clock;
    final FakeFas fas;

    SamlHarness(Instant now, boolean encrypt) {
        this.clock = SettableClock.fixed(now);
        this.fas = FakeFas.builder().clock(clock).start();
        fas.registerSamlServiceProvider(serviceProvider(encrypt).withSingleLogoutUrl(SLO));
    }

    /** The SP under test as registered at the fake, without its single-logout URL. */
    static SamlServiceProvider serviceProvider(boolean encrypt) {
        return new SamlServiceProvider(SP_ENTITY_ID, List.of(ACS), Optional.of(SP_KEY.certificate()),
                encrypt ? Optional.of(SP_KEY.certificate()) : Optional.empty());
    }

    /** The SDK provider for the fake FAS. */
    SamlProvider fasProvider(UnaryOperator<SamlSettings.Builder> customise) {
        IdpMetadataSource metadata = IdpMetadataSource.fromUrl(fas.samlMetadataUri(), fas.samlEntityId())
                .signedBy(fas.signingCertificate()).clock(clock).build();
        return SamlProvider.create(customise.apply(SamlSettings.builder(ProviderId.of("fas-saml"), SP_ENTITY_ID, ACS,
                keys(), metadata).clock(clock).singleLogoutUrl(SLO)).build());
    }

    /** The SDK provider for the fake social-security login. */
    SamlProvider socialSecurityProvider() {
        IdpMetadataSource metadata = IdpMetadataSource.fromUrl(fas.socialSecurityMetadataUri(), fas.socialSecurityEntityId())
                .signedBy(fas.socialSecuritySigningCertificate()).clock(clock).build();
        return SamlProvider.create(SamlSettings.builder(ProviderId.of("social-security"), SP_ENTITY_ID, ACS, keys(), metadata)
                .profile(SamlProfile.socialSecurity()).clock(clock).singleLogoutUrl(SLO).build());
    }

    private static SpKeys keys() {
        return SpKeys.of(SpKey.of(SP_KEY.privateKey(), SP_KEY.certificate()));
    }

    /** Starts a login, lets the persona log in with the key through the fake, and finishes it. */
    AuthenticatedUser login(be.fedauth.core.AuthenticationProvider provider, LoginRequest request, String person,
                            DigitalKey key) {
        LoginRedirect redirect = provider.startLogin(request);
        LoginCallback callback = HeadlessLogin.against(fas).login(new be.fedauth.testkit.LoginChoice(person, key),
                redirect.redirect());
        return provider.finishLogin(callback.toCallbackRequest(), redirect.pendingLogin());
    }

    @Override
    public void close() {
        fas.close();
    }
}
