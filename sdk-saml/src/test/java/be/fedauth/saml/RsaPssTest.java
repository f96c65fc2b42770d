package be.fedauth.saml;

import static org.assertj.core.api.Assertions.assertThat;

import be.fedauth.core.AuthenticationException;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.FedAuthException;
import be.fedauth.core.PendingLogin;
import be.fedauth.saml.internal.MessageFactory;
import be.fedauth.saml.internal.OpenSaml;
import be.fedauth.saml.support.Dom;
import be.fedauth.saml.support.RedirectSigner;
import be.fedauth.saml.support.ResponseSpec;
import be.fedauth.saml.support.SpFixture;
import be.fedauth.saml.support.TestCredentials;
import be.fedauth.saml.support.TestIdp;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

/**
 * Issue 13 point 5: RSA-PSS signatures (RFC 6931 2.3.10, {@code sha256/384/512-rsa-MGF1}), as Keycloak
 * ({@code RSA_SHA256_MGF1}) and other peers send them, on the Response, the assertion and the
 * HTTP-Redirect logout messages; a bad PSS signature fails exactly as a bad RSA PKCS#1 v1.5 one.
 */
class RsaPssTest {
    private final SpFixture fixture = new SpFixture();

    @ParameterizedTest
    @ValueSource(strings = {RedirectSigner.RSA_SHA256_MGF1, RedirectSigner.RSA_SHA384_MGF1, RedirectSigner.RSA_SHA512_MGF1})
    void point5_responseAndAssertionSignedWithRsaPss_areAccepted(String algorithm) {
        PendingLogin pending = fixture.start().pendingLogin();
        ResponseSpec spec = fixture.genuine(pending);
        spec.signatureAlgorithm = algorithm;
        String response = fixture.respond(spec);

        assertThat(Dom.text(Dom.parse(java.util.Base64.getDecoder().decode(response)))).contains(algorithm);
        assertThat(fixture.finish(response, pending).identity().givenName()).isEqualTo("Marie");
    }

    @Test
    void point5_encryptedAssertionSignedWithRsaPss_isAccepted() {
        PendingLogin pending = fixture.start().pendingLogin();
        ResponseSpec spec = fixture.genuine(pending);
        spec.signatureAlgorithm = RedirectSigner.RSA_SHA256_MGF1;
        spec.signResponse = false;
        spec.encrypt = true;

        assertThat(fixture.finish(fixture.respond(spec), pending).identity().familyName()).isEqualTo("Dupont");
    }

    @ParameterizedTest
    @ValueSource(strings = {RedirectSigner.RSA_SHA256, RedirectSigner.RSA_SHA256_MGF1})
    void point5_responseChangedAfterSigning_failsWithInvalidSignatureForPssAsForRsa(String algorithm) {
        PendingLogin pending = fixture.start().pendingLogin();
        ResponseSpec spec = fixture.genuine(pending);
        spec.signatureAlgorithm = algorithm;
        Document doc = Dom.copy(TestIdp.responseElement(spec, null));
        Dom.makeEvil(Dom.child(doc.getDocumentElement(), Dom.SAML, "Assertion"));

        assertThat(code(() -> fixture.finish(Dom.base64(doc), pending))).isEqualTo(ErrorCode.INVALID_SIGNATURE);
    }

    @ParameterizedTest
    @ValueSource(strings = {RedirectSigner.RSA_SHA256, RedirectSigner.RSA_SHA256_MGF1})
    void point5_assertionSignedByAnotherKey_failsWithInvalidSignatureForPssAsForRsa(String algorithm) {
        PendingLogin pending = fixture.start().pendingLogin();
        ResponseSpec spec = fixture.genuine(pending);
        spec.signatureAlgorithm = algorithm;
        spec.signResponse = false;
        spec.signingKey = TestCredentials.rsa("attacker");

        assertThat(code(() -> fixture.finish(fixture.respond(spec), pending))).isEqualTo(ErrorCode.INVALID_SIGNATURE);
    }

    @ParameterizedTest
    @ValueSource(strings = {RedirectSigner.RSA_SHA256_MGF1, RedirectSigner.RSA_SHA384_MGF1, RedirectSigner.RSA_SHA512_MGF1})
    void point5_logoutRequestWithRsaPssSigAlg_isAcceptedFromTheRawQuery(String algorithm) {
        String query = RedirectSigner.signedQuery("SAMLRequest", logoutRequestXml(), Optional.of("relay"), algorithm,
                fixture.idpKey.keyPair().getPrivate());

        assertThat(fixture.provider.handleLogoutRequest(query).nameId()).isEqualTo("_transient-1234");
    }

    @Test
    void point5_logoutRequestWithRsaPssSigAlg_isAcceptedFromParsedParameters() {
        String query = RedirectSigner.signedQuery("SAMLRequest", logoutRequestXml(), Optional.of("relay"),
                RedirectSigner.RSA_SHA256_MGF1, fixture.idpKey.keyPair().getPrivate());

        assertThat(fixture.provider.handleLogoutRequest(be.fedauth.core.CallbackRequest.get(SingleLogoutTest.query(
                java.net.URI.create("https://sp.example/slo?" + query)))).nameId()).isEqualTo("_transient-1234");
    }

    @ParameterizedTest
    @ValueSource(strings = {RedirectSigner.RSA_SHA256, RedirectSigner.RSA_SHA256_MGF1})
    void point5_logoutRequestChangedAfterSigning_failsWithInvalidSignatureForPssAsForRsa(String algorithm) {
        String query = RedirectSigner.signedQuery("SAMLRequest", logoutRequestXml(), Optional.of("relay"), algorithm,
                fixture.idpKey.keyPair().getPrivate());

        assertThat(code(() -> fixture.provider.handleLogoutRequest(query.replace("RelayState=relay", "RelayState=other"))))
                .isEqualTo(ErrorCode.INVALID_SIGNATURE);
    }

    @Test
    void point5_logoutResponseWithRsaPssSigAlg_isAccepted() {
        SingleLogoutTest slo = new SingleLogoutTest();
        String requestId = slo.sentLogoutRequestId(SingleLogoutTest.STATE);
        var response = MessageFactory.logoutResponse("_lr-pss", slo.fixture().clock.instant(), SpFixture.SLO,
                TestIdp.ENTITY_ID, requestId);
        String query = RedirectSigner.signedQuery("SAMLResponse", OpenSaml.serialize(OpenSaml.get().marshall(response)),
                Optional.of(SingleLogoutTest.STATE), RedirectSigner.RSA_SHA512_MGF1,
                slo.fixture().idpKey.keyPair().getPrivate());

        slo.fixture().provider.finishLogout(query, SingleLogoutTest.STATE);
    }

    private byte[] logoutRequestXml() {
        var request = MessageFactory.logoutRequest("_idp-lo-" + System.nanoTime(), fixture.clock.instant(), SpFixture.SLO,
                TestIdp.ENTITY_ID, "_transient-1234", Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("s-1"));
        return OpenSaml.serialize(OpenSaml.get().marshall(request));
    }

    private static ErrorCode code(Runnable action) {
        try {
            action.run();
        } catch (FedAuthException e) {
            assertThat(e).isInstanceOf(AuthenticationException.class);
            return e.code();
        }
        throw new AssertionError("accepted");
    }
}
