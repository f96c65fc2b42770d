package be.fedauth.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.AuthenticatedUser;
import be.fedauth.core.AuthenticationException;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.LoginRedirect;
import be.fedauth.core.LoginRequest;
import be.fedauth.core.ProviderId;
import be.fedauth.core.spi.LevelVocabulary;
import be.fedauth.saml.support.Keycloak;
import be.fedauth.saml.support.TestCredentials;
import java.net.URI;
import java.util.EnumSet;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Interop with an identity provider nobody here wrote: Keycloak (scripts/setup.d/40-keycloak.sh
 * installs it; without it this test fails), started once for the class on a random loopback port
 * with a realm imported from a file. SP-initiated logins over HTTP-Redirect and HTTP-POST, with a
 * signed then an encrypted assertion, driven without a browser by posting the login form.
 */
class KeycloakInteropTest {
    private static final String SIGNED_SP = "https://customs.example.be/saml/keycloak-signed";
    private static final String ENCRYPTED_SP = "https://customs.example.be/saml/keycloak-encrypted";
    /** Issue 13 point 5: Keycloak's RSA-PSS ("RSA_SHA256_MGF1"), on the document and the assertion. */
    private static final String PSS_SP = "https://customs.example.be/saml/keycloak-pss";
    /** Issue 13 point 5: "Sign documents" on, "Sign assertions" off, "Encrypt assertions" on. */
    private static final String RESPONSE_SIGNED_SP = "https://customs.example.be/saml/keycloak-response-signed";
    private static final URI ACS = URI.create("http://127.0.0.1:9/callback/saml");
    private static final TestCredentials SP_KEY = TestCredentials.rsa("sp");
    private static Keycloak keycloak;
    /** The XML of the last SAMLResponse Keycloak posted back. */
    private static String lastResponse = "";

    @BeforeAll
    static void start() {
        keycloak = Keycloak.start(SIGNED_SP, ENCRYPTED_SP, ACS.toString(), SP_KEY.certificate(), Map.of(
                PSS_SP, Map.of("saml.signature.algorithm", "RSA_SHA256_MGF1"),
                RESPONSE_SIGNED_SP, Map.of("saml.assertion.signature", "false", "saml.encrypt", "true")));
    }

    @AfterAll
    static void stop() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void login_redirectBinding_signedAssertion_isVerified() {
        AuthenticatedUser user = login(provider(SIGNED_SP, b -> b));

        assertThat(user.identity().givenName()).isEqualTo("Marie");
        assertThat(user.identity().familyName()).isEqualTo("Dupont");
        assertThat(user.identity().email()).contains("marie.dupont@example.be");
        assertThat(user.level()).isEqualTo(AssuranceLevel.LEVEL_200);
    }

    @Test
    void login_postBinding_signedAssertion_isVerified() {
        AuthenticatedUser user = login(provider(SIGNED_SP, b -> b.requestBinding(SamlBinding.POST)));

        assertThat(user.identity().givenName()).isEqualTo("Marie");
    }

    @Test
    void login_redirectBinding_encryptedAssertion_isDecryptedAndVerified() {
        AuthenticatedUser user = login(provider(ENCRYPTED_SP, SamlSettings.Builder::requireEncryptedAssertions));

        assertThat(user.identity().familyName()).isEqualTo("Dupont");
    }

    @Test
    void point5_login_rsaPssSignatures_areVerified() {
        AuthenticatedUser user = login(provider(PSS_SP, b -> b));

        assertThat(user.identity().familyName()).isEqualTo("Dupont");
        assertThat(lastResponse.split("http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1", -1)).hasSize(3);
    }

    @Test
    void point5_login_encryptedUnsignedAssertionInSignedResponse_isAcceptedWithTheOptIn() {
        AuthenticatedUser user = login(provider(RESPONSE_SIGNED_SP,
                b -> b.acceptResponseSignatureOnly().requireEncryptedAssertions()));

        assertThat(user.identity().familyName()).isEqualTo("Dupont");
    }

    @Test
    void point5_login_encryptedUnsignedAssertionInSignedResponse_isRefusedWithoutTheOptIn() {
        assertThatThrownBy(() -> login(provider(RESPONSE_SIGNED_SP, b -> b)))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSIGNED_ASSERTION));
    }

    private static AuthenticatedUser login(SamlProvider provider) {
        LoginRedirect redirect = provider.startLogin(LoginRequest.builder().build());
        var form = keycloak.logIn(redirect.redirect(), "marie", "interop-secret");
        if (!form.containsKey("SAMLResponse")) {
            fail("Keycloak did not post a SAMLResponse back: " + form.keySet());
        }
        lastResponse = new String(java.util.Base64.getMimeDecoder().decode(form.get("SAMLResponse")),
                java.nio.charset.StandardCharsets.UTF_8);
        return provider.finishLogin(be.fedauth.core.CallbackRequest.post(form), redirect.pendingLogin());
    }

    private static SamlProvider provider(String entityId, UnaryOperator<SamlSettings.Builder> customise) {
        IdpMetadataSource metadata = IdpMetadataSource.fromUrl(keycloak.metadataUrl(), keycloak.entityId())
                .allowUnsignedMetadata().build();
        // Keycloak reports no FAS class ref: a profile of its own, reading its "unspecified" as level 200.
        // (A table vocabulary needs at least one key and one level value: core's TableLevelVocabulary
        // cannot be built without either.)
        SamlProfile profile = new SamlProfile(LevelVocabulary.builder()
                .key("urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport", DigitalKey.PASSWORD)
                .level("urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified", AssuranceLevel.LEVEL_200).build(),
                SamlAttributeNames.FAS, EnumSet.of(DigitalKey.PASSWORD));
        return SamlProvider.create(customise.apply(SamlSettings.builder(ProviderId.of("keycloak"), entityId, ACS,
                SpKeys.of(SpKey.of(SP_KEY.keyPair().getPrivate(), SP_KEY.certificate())), metadata).profile(profile))
                .build());
    }
}
