package be.fedauth.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.AuthenticatedUser;
import be.fedauth.core.AuthenticationException;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.HttpRedirect;
import be.fedauth.core.Language;
import be.fedauth.core.LoginRedirect;
import be.fedauth.core.LoginRequest;
import be.fedauth.core.PendingLogin;
import be.fedauth.saml.support.ResponseSpec;
import be.fedauth.saml.support.SpFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamlLoginTest {
    private final SpFixture fixture = new SpFixture();

    @Test
    void finishLogin_genuineSignedResponse_returnsTheUserWithFasAttributes() {
        LoginRedirect redirect = fixture.start();
        PendingLogin pending = redirect.pendingLogin();

        AuthenticatedUser user = fixture.finish(fixture.respond(fixture.genuine(pending)), pending);

        assertThat(user.identity().givenName()).isEqualTo("Marie");
        assertThat(user.identity().familyName()).isEqualTo("Dupont");
        assertThat(user.identity().nationalNumber()).map(n -> n.digits()).contains("85073003328");
        assertThat(user.identity().language()).isEqualTo(Language.NL);
        assertThat(user.identity().email()).contains("marie.dupont@example.be");
        assertThat(user.identity().federalId()).contains("0123456789abcdef0123456789abcdef01234567");
        assertThat(user.key()).isEqualTo(DigitalKey.EID);
        assertThat(user.level()).isEqualTo(AssuranceLevel.LEVEL_500);
        assertThat(user.session().value(SamlSessionValues.NAME_ID)).contains("_transient-1234");
    }

    @Test
    void finishLogin_encryptedSignedAssertion_isDecryptedAndAccepted() {
        PendingLogin pending = fixture.start().pendingLogin();
        ResponseSpec spec = fixture.genuine(pending);
        spec.encrypt = true;

        AuthenticatedUser user = fixture.finish(fixture.respond(spec), pending);

        assertThat(user.identity().givenName()).isEqualTo("Marie");
    }

    @Test
    void finishLogin_itsmeClassRef_givesItsmeAtLevel450() {
        PendingLogin pending = fixture.start().pendingLogin();
        ResponseSpec spec = fixture.genuine(pending);
        spec.classRef = "urn:be:fedict:iam:fas:citizen:bmid";

        AuthenticatedUser user = fixture.finish(fixture.respond(spec), pending);

        assertThat(user.key()).isEqualTo(DigitalKey.ITSME);
        assertThat(user.level()).isEqualTo(AssuranceLevel.LEVEL_450);
    }

    @Test
    void finishLogin_levelBelowTheRequestedOne_failsWithLevelTooLow() {
        PendingLogin pending = fixture.provider.startLogin(LoginRequest.builder()
                .minimumLevel(AssuranceLevel.LEVEL_500).build()).pendingLogin();
        ResponseSpec spec = fixture.genuine(pending);
        spec.classRef = "urn:be:fedict:iam:fas:citizen:bmid";

        assertThatThrownBy(() -> fixture.finish(fixture.respond(spec), pending))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.LEVEL_TOO_LOW));
    }

    @Test
    void finishLogin_responseSignatureOnlyWhenAllowed_isAccepted() {
        SpFixture lenient = new SpFixture(SamlSettings.Builder::acceptResponseSignatureOnly);
        PendingLogin pending = lenient.start().pendingLogin();
        ResponseSpec spec = lenient.genuine(pending);
        spec.signAssertion = false;

        assertThat(lenient.finish(lenient.respond(spec), pending).identity().familyName()).isEqualTo("Dupont");
    }

    @Test
    void finishLogin_missingSurname_failsWithMissingClaim() {
        PendingLogin pending = fixture.start().pendingLogin();
        ResponseSpec spec = fixture.genuine(pending);
        spec.attributes.remove("surname");

        assertThatThrownBy(() -> fixture.finish(fixture.respond(spec), pending))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_CLAIM));
    }

    @Test
    void finishLogin_relayStateOfAnotherBrowser_failsWithStateMismatch() {
        PendingLogin pending = fixture.start().pendingLogin();
        String response = fixture.respond(fixture.genuine(pending));

        assertThatThrownBy(() -> fixture.provider.finishLogin(be.fedauth.core.CallbackRequest.post(
                java.util.Map.of("SAMLResponse", response, "RelayState", "other")), pending))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STATE_MISMATCH));
    }

    @Test
    void finishLogin_idpReportsAuthnFailed_failsWithLoginCancelled() {
        PendingLogin pending = fixture.start().pendingLogin();
        ResponseSpec spec = fixture.genuine(pending);
        spec.statusCode = "urn:oasis:names:tc:SAML:2.0:status:Responder";
        spec.subStatusCode = "urn:oasis:names:tc:SAML:2.0:status:AuthnFailed";
        spec.assertions = 0;

        assertThatThrownBy(() -> fixture.finish(fixture.respond(spec), pending))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.LOGIN_CANCELLED));
    }

    @Test
    void startLogin_redirectBinding_sendsASignedDeflatedRequestWithRequestedContext() {
        LoginRedirect redirect = fixture.provider.startLogin(LoginRequest.builder().key(DigitalKey.EID).build());

        assertThat(redirect.redirect().binding()).isEqualTo(HttpRedirect.Binding.REDIRECT);
        String query = redirect.redirect().location().getRawQuery();
        assertThat(query).contains("SAMLRequest=", "RelayState=", "SigAlg=", "Signature=");
        String xml = new String(be.fedauth.saml.internal.RedirectCodec.inflate(java.net.URLDecoder.decode(
                query.substring("SAMLRequest=".length(), query.indexOf('&')), java.nio.charset.StandardCharsets.UTF_8)),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(xml).contains("urn:be:fedict:iam:fas:citizen:eid", "Comparison=\"exact\"",
                "ID=\"" + redirect.pendingLogin().requestId().orElseThrow() + "\"");
    }

    @Test
    void startLogin_postBinding_postsASignedRequest() {
        SpFixture post = new SpFixture(b -> b.requestBinding(SamlBinding.POST));
        LoginRedirect redirect = post.provider.startLogin(LoginRequest.builder()
                .minimumLevel(AssuranceLevel.LEVEL_400).build());

        assertThat(redirect.redirect().binding()).isEqualTo(HttpRedirect.Binding.POST);
        String xml = new String(java.util.Base64.getDecoder().decode(redirect.redirect().formFields().get("SAMLRequest")),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(xml).contains("ds:Signature", "urn:be:fedict:iam:fas:citizen:Level400", "Comparison=\"minimum\"");
        assertThat(List.copyOf(redirect.redirect().formFields().keySet())).containsExactly("SAMLRequest", "RelayState");
    }
}
