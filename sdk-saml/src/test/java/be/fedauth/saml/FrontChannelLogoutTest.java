package be.fedauth.saml;

import static org.assertj.core.api.Assertions.assertThat;

import be.fedauth.core.IdpLogoutRequest;
import be.fedauth.core.SingleLogout;
import be.fedauth.saml.internal.MessageFactory;
import be.fedauth.saml.internal.OpenSaml;
import be.fedauth.saml.internal.RedirectCodec;
import be.fedauth.saml.support.SpFixture;
import be.fedauth.saml.support.TestIdp;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 13 point 4: a SamlProvider's {@link SingleLogout} as the servlet filter's single-logout endpoint drives it. */
class FrontChannelLogoutTest {
    private final SpFixture fixture = new SpFixture();
    private final SingleLogout logout = fixture.provider.singleLogout().orElseThrow();

    private String logoutRequestFrom(String issuer) {
        var request = MessageFactory.logoutRequest("_idp-lo-1", fixture.clock.instant(), SpFixture.SLO, issuer,
                "_transient-1234", Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("s-1"));
        return RedirectCodec.encode(URI.create(SpFixture.SLO), "SAMLRequest",
                OpenSaml.serialize(OpenSaml.get().marshall(request)), Optional.of("relay"),
                fixture.idpKey.keyPair().getPrivate()).getRawQuery();
    }

    @Test
    void point4_logoutRequestIssuedByTheIdp_isRecognisedAndHandled() {
        String query = logoutRequestFrom(TestIdp.ENTITY_ID);

        IdpLogoutRequest request = logout.handleLogoutRequest(query);

        assertThat(logout.recognises(query)).isTrue();
        assertThat(request).isInstanceOf(IdpInitiatedLogout.class);
        assertThat(request.response().location().toString()).startsWith(TestIdp.SLO + "?SAMLResponse=");
    }

    @Test
    void point4_logoutRequestOfAnotherIssuer_isNotRecognised() {
        assertThat(logout.recognises(logoutRequestFrom("https://another-idp.example"))).isFalse();
    }

    @Test
    void point4_garbage_isNotRecognised() {
        assertThat(logout.recognises("")).isFalse();
        assertThat(logout.recognises("SAMLRequest=%%%")).isFalse();
        assertThat(logout.recognises("SAMLRequest=bm90IGRlZmxhdGU")).isFalse();
        assertThat(logout.recognises("SAMLResponse=" + "A".repeat(70_000))).isFalse();
    }

    @Test
    void point4_withoutSingleLogoutUrl_theProviderHasNoSingleLogout() {
        SamlSettings settings = fixture.provider.settings();

        SamlProvider plain = SamlProvider.create(SamlSettings.builder(settings.id(), SpFixture.SP_ENTITY_ID,
                URI.create(SpFixture.ACS), settings.keys(), settings.idp()).build());

        assertThat(plain.singleLogout()).isEmpty();
    }
}
