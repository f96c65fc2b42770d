package be.fedauth.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.fedauth.core.AuthenticationException;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.PendingLogin;
import be.fedauth.saml.internal.MessageFactory;
import be.fedauth.saml.internal.OpenSaml;
import be.fedauth.saml.support.RedirectSigner;
import be.fedauth.saml.support.ResponseSpec;
import be.fedauth.saml.support.SpFixture;
import be.fedauth.saml.support.TestIdp;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 13 point 5: SHA-1, AES-CBC and RSA PKCS#1 v1.5 key transport stay refused, one case per
 * algorithm, each with {@code unsupported_algorithm}. The operator reads the exception message in the
 * log to fix the identity provider, so it is part of the feature: each case also checks that it names
 * the algorithm URI received and the IdP setting to change (Keycloak's label for it).
 */
class RefusedAlgorithmTest {
    private static final String SIGNATURE_SETTING = "Signature algorithm";
    private static final String ENCRYPTION_SETTING = "Encryption algorithm = AES_256_GCM";
    private static final String KEY_TRANSPORT_SETTING = "Key transport algorithm = RSA-OAEP";

    /** An algorithm an IdP may still be set to, where it appears, and what the message must name. */
    enum Refused {
        RSA_SHA1_XML_SIGNATURE("http://www.w3.org/2000/09/xmldsig#rsa-sha1", SIGNATURE_SETTING,
                Where.RESPONSE, s -> s.signatureAlgorithm = "http://www.w3.org/2000/09/xmldsig#rsa-sha1"),
        RSA_PSS_SHA1_XML_SIGNATURE(RedirectSigner.RSA_SHA1_MGF1, SIGNATURE_SETTING,
                Where.RESPONSE, s -> s.signatureAlgorithm = RedirectSigner.RSA_SHA1_MGF1),
        SHA1_XML_DIGEST("http://www.w3.org/2000/09/xmldsig#sha1", "digest algorithm to SHA-256",
                Where.RESPONSE, s -> s.digestAlgorithm = "http://www.w3.org/2000/09/xmldsig#sha1"),
        RSA_SHA1_SIGALG_ON_LOGOUT_REQUEST(RedirectSigner.RSA_SHA1, SIGNATURE_SETTING, Where.LOGOUT_REQUEST, null),
        RSA_PSS_SHA1_SIGALG_ON_LOGOUT_REQUEST(RedirectSigner.RSA_SHA1_MGF1, SIGNATURE_SETTING, Where.LOGOUT_REQUEST, null),
        RSA_SHA1_SIGALG_ON_LOGOUT_RESPONSE(RedirectSigner.RSA_SHA1, SIGNATURE_SETTING, Where.LOGOUT_RESPONSE, null),
        AES128_CBC_DATA_ENCRYPTION("http://www.w3.org/2001/04/xmlenc#aes128-cbc", ENCRYPTION_SETTING, Where.RESPONSE, s -> {
            s.encrypt = true;
            s.dataEncryptionAlgorithm = "http://www.w3.org/2001/04/xmlenc#aes128-cbc";
        }),
        AES256_CBC_DATA_ENCRYPTION("http://www.w3.org/2001/04/xmlenc#aes256-cbc", ENCRYPTION_SETTING, Where.RESPONSE, s -> {
            s.encrypt = true;
            s.dataEncryptionAlgorithm = "http://www.w3.org/2001/04/xmlenc#aes256-cbc";
        }),
        RSA_1_5_KEY_TRANSPORT("http://www.w3.org/2001/04/xmlenc#rsa-1_5", KEY_TRANSPORT_SETTING, Where.RESPONSE, s -> {
            s.encrypt = true;
            s.keyTransportAlgorithm = "http://www.w3.org/2001/04/xmlenc#rsa-1_5";
        });

        final String uri;
        final String setting;
        final Where where;
        final Consumer<ResponseSpec> change;

        Refused(String uri, String setting, Where where, Consumer<ResponseSpec> change) {
            this.uri = uri;
            this.setting = setting;
            this.where = where;
            this.change = change;
        }
    }

    /** Which message carries the algorithm. */
    enum Where { RESPONSE, LOGOUT_REQUEST, LOGOUT_RESPONSE }

    @ParameterizedTest
    @EnumSource(Refused.class)
    void point5_refusedAlgorithm_failsWithUnsupportedAlgorithmNamingItAndTheIdpSetting(Refused refused) {
        assertThatThrownBy(() -> receive(refused))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_ALGORITHM);
                    assertThat(e.getMessage()).contains(refused.uri).contains(refused.setting);
                });
    }

    private static void receive(Refused refused) {
        SpFixture fixture = new SpFixture();
        switch (refused.where) {
            case RESPONSE -> {
                PendingLogin pending = fixture.start().pendingLogin();
                ResponseSpec spec = fixture.genuine(pending);
                refused.change.accept(spec);
                fixture.finish(fixture.respond(spec), pending);
            }
            case LOGOUT_REQUEST -> {
                var request = MessageFactory.logoutRequest("_idp-lo-sha1", fixture.clock.instant(), SpFixture.SLO,
                        TestIdp.ENTITY_ID, "_transient-1234", Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.of("s-1"));
                fixture.provider.handleLogoutRequest(RedirectSigner.signedQuery("SAMLRequest",
                        OpenSaml.serialize(OpenSaml.get().marshall(request)), Optional.of("relay"), refused.uri,
                        fixture.idpKey.keyPair().getPrivate()));
            }
            case LOGOUT_RESPONSE -> {
                SingleLogoutTest slo = new SingleLogoutTest();
                String requestId = slo.sentLogoutRequestId(SingleLogoutTest.STATE);
                var response = MessageFactory.logoutResponse("_lr-sha1", slo.fixture().clock.instant(), SpFixture.SLO,
                        TestIdp.ENTITY_ID, requestId);
                slo.fixture().provider.finishLogout(RedirectSigner.signedQuery("SAMLResponse",
                        OpenSaml.serialize(OpenSaml.get().marshall(response)), Optional.of(SingleLogoutTest.STATE),
                        refused.uri, slo.fixture().idpKey.keyPair().getPrivate()), SingleLogoutTest.STATE);
            }
        }
    }
}
