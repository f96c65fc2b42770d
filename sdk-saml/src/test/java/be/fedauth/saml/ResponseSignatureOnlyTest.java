package be.fedauth.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.fedauth.core.AuthenticationException;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.PendingLogin;
import be.fedauth.saml.internal.OpenSaml;
import be.fedauth.saml.support.Dom;
import be.fedauth.saml.support.RawEncrypter;
import be.fedauth.saml.support.ResponseSpec;
import be.fedauth.saml.support.SpFixture;
import be.fedauth.saml.support.TestIdp;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Issue 13 point 5: with {@code acceptResponseSignatureOnly()}, an encrypted assertion without a signature
 * of its own is accepted inside a signed Response (Keycloak with "Sign documents" on and "Sign assertions"
 * off, many others): the Response's signature, verified before decryption, covers the EncryptedAssertion.
 * Without the opt-in, or without the Response's signature, it is refused; what an attacker can make
 * without the IdP's key (encrypting to the SP's public key is open to anyone) is refused too.
 */
class ResponseSignatureOnlyTest {
    private static final UnaryOperator<SamlSettings.Builder> OPTED_IN = SamlSettings.Builder::acceptResponseSignatureOnly;

    @Test
    void point5_encryptedUnsignedAssertionInASignedResponse_isAcceptedWhenOptedIn() {
        SpFixture fixture = new SpFixture(OPTED_IN);
        PendingLogin pending = fixture.start().pendingLogin();

        var user = fixture.finish(fixture.respond(encryptedUnsignedInside(fixture, pending)), pending);

        assertThat(user.identity().givenName()).isEqualTo("Marie");
        assertThat(user.identity().nationalNumber()).map(n -> n.digits()).contains("85073003328");
    }

    @Test
    void point5_encryptedUnsignedAssertionInASignedResponse_isAcceptedWhenEncryptionIsAlsoRequired() {
        SpFixture fixture = new SpFixture(b -> b.acceptResponseSignatureOnly().requireEncryptedAssertions());
        PendingLogin pending = fixture.start().pendingLogin();

        assertThat(fixture.finish(fixture.respond(encryptedUnsignedInside(fixture, pending)), pending)
                .identity().familyName()).isEqualTo("Dupont");
    }

    @Test
    void point5_encryptedSignedAssertionWhenOptedIn_stillHasItsOwnSignatureVerified() {
        SpFixture fixture = new SpFixture(OPTED_IN);
        PendingLogin pending = fixture.start().pendingLogin();
        ResponseSpec spec = fixture.genuine(pending);
        spec.encrypt = true;
        spec.signResponse = false;
        spec.signingKey = be.fedauth.saml.support.TestCredentials.rsa("attacker");

        assertThatThrownBy(() -> fixture.finish(fixture.respond(spec), pending))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SIGNATURE));
    }

    @ParameterizedTest
    @EnumSource(Attack.class)
    void point5_attack_failsWithItsErrorCode(Attack attack) {
        SpFixture fixture = new SpFixture(attack.optedIn ? OPTED_IN : UnaryOperator.identity());
        PendingLogin pending = fixture.start().pendingLogin();
        String response = attack.craft.apply(fixture, pending);

        assertThatThrownBy(() -> fixture.finish(response, pending))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.code()).isEqualTo(attack.expected));
    }

    /** Attacks on, and refusals of, a Response whose only signature is its own. */
    enum Attack {
        /** The opt-in is absent: the assertion's own signature is required, as by default. */
        NOT_OPTED_IN(false, ErrorCode.UNSIGNED_ASSERTION, (f, p) -> f.respond(encryptedUnsignedInside(f, p))),
        /** Opted in, but neither the Response nor the assertion is signed. */
        RESPONSE_SIGNATURE_MISSING(true, ErrorCode.UNSIGNED_ASSERTION, (f, p) -> {
            ResponseSpec spec = encryptedUnsignedInside(f, p);
            spec.signResponse = false;
            return f.respond(spec);
        }),
        /** Opted in, the Response's signature removed from a genuine message. */
        RESPONSE_SIGNATURE_STRIPPED(true, ErrorCode.UNSIGNED_ASSERTION, (f, p) -> {
            Document doc = Dom.copy(TestIdp.responseElement(encryptedUnsignedInside(f, p), f.spKey.certificate()));
            doc.getDocumentElement().removeChild(Dom.child(doc.getDocumentElement(), Dom.DS, "Signature"));
            return Dom.base64(doc);
        }),
        /** Opted in; the attacker encrypts an assertion of their own to the SP's public key, keeping the signature. */
        ASSERTION_REENCRYPTED_BY_AN_ATTACKER(true, ErrorCode.INVALID_SIGNATURE, (f, p) -> {
            Document doc = Dom.copy(TestIdp.responseElement(encryptedUnsignedInside(f, p), f.spKey.certificate()));
            RawEncrypter.replacePlaintext(doc.getDocumentElement(), evilAssertion(f, p), f.spKey.certificate());
            return Dom.base64(doc);
        }),
        /** Opted in; XSW1 over an encrypted assertion: the genuine signed Response moved into its Signature. */
        WRAPPED_IN_THE_SIGNATURE(true, ErrorCode.MALFORMED_RESPONSE, (f, p) -> wrapped(f, p, true)),
        /** Opted in; XSW2 over an encrypted assertion: the genuine signed Response moved beside its Signature. */
        WRAPPED_BESIDE_THE_SIGNATURE(true, ErrorCode.MALFORMED_RESPONSE, (f, p) -> wrapped(f, p, false)),
        /** Opted in; a second, unsigned EncryptedAssertion next to the genuine one. */
        SECOND_ENCRYPTED_ASSERTION_ADDED(true, ErrorCode.INVALID_SIGNATURE, (f, p) -> {
            Document doc = Dom.copy(TestIdp.responseElement(encryptedUnsignedInside(f, p), f.spKey.certificate()));
            Element genuine = Dom.child(doc.getDocumentElement(), Dom.SAML, "EncryptedAssertion");
            Element evil = (Element) genuine.cloneNode(true);
            // Without the copied Id attributes, which would make the document schema-invalid before any signature check.
            org.w3c.dom.NodeList all = evil.getElementsByTagNameNS("*", "*");
            for (int i = 0; i < all.getLength(); i++) {
                ((Element) all.item(i)).removeAttribute("Id");
            }
            doc.getDocumentElement().insertBefore(evil, genuine);
            RawEncrypter.replacePlaintext(doc.getDocumentElement(), evilAssertion(f, p), f.spKey.certificate());
            return Dom.base64(doc);
        });

        final boolean optedIn;
        final ErrorCode expected;
        final BiFunction<SpFixture, PendingLogin, String> craft;

        Attack(boolean optedIn, ErrorCode expected, BiFunction<SpFixture, PendingLogin, String> craft) {
            this.optedIn = optedIn;
            this.expected = expected;
            this.craft = craft;
        }
    }

    /** A genuine Response, signed, with an encrypted assertion that is not signed itself. */
    static ResponseSpec encryptedUnsignedInside(SpFixture fixture, PendingLogin pending) {
        ResponseSpec spec = fixture.genuine(pending);
        spec.encrypt = true;
        spec.signAssertion = false;
        return spec;
    }

    /** The plaintext of an assertion of the attacker's making: another subject and first name. */
    private static byte[] evilAssertion(SpFixture f, PendingLogin p) {
        ResponseSpec plain = f.genuine(p);
        plain.signAssertion = false;
        plain.signResponse = false;
        Element assertion = Dom.child(Dom.copy(TestIdp.responseElement(plain, null)).getDocumentElement(), Dom.SAML, "Assertion");
        Dom.makeEvil(assertion);
        return OpenSaml.serialize(assertion);
    }

    /** XSW1/XSW2 (SAMLRaider) with an encrypted assertion of the attacker's in the outer Response. */
    private static String wrapped(SpFixture f, PendingLogin p, boolean intoSignature) {
        Document doc = Dom.copy(TestIdp.responseElement(encryptedUnsignedInside(f, p), f.spKey.certificate()));
        Element response = doc.getDocumentElement();
        Element original = (Element) response.cloneNode(true);
        original.removeChild(Dom.child(original, Dom.DS, "Signature"));
        response.setAttribute("ID", "_evil_response");
        RawEncrypter.replacePlaintext(response, evilAssertion(f, p), f.spKey.certificate());
        Element signature = Dom.child(response, Dom.DS, "Signature");
        if (intoSignature) {
            signature.appendChild(original);
        } else {
            response.insertBefore(original, signature);
        }
        return Dom.base64(doc);
    }
}
