package be.fedauth.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.fedauth.core.AuthenticationException;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.PendingLogin;
import be.fedauth.saml.internal.OpenSaml;
import be.fedauth.saml.support.Dom;
import be.fedauth.saml.support.LoopbackServer;
import be.fedauth.saml.support.RawEncrypter;
import be.fedauth.saml.support.ResponseSpec;
import be.fedauth.saml.support.SpFixture;
import be.fedauth.saml.support.TestIdp;
import java.io.IOException;
import java.lang.reflect.Field;
import org.apache.xml.security.encryption.XMLCipher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.xmlsec.signature.impl.SignatureImpl;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Issue 12 point 8: OpenSAML 4.0.1 carries the December 2022 advisory on crafted encrypted XML (fixed in
 * 4.2.0, not on Maven Central). These tests show the paths it needs are closed in fedauth: the outer
 * signature is verified before any decryption, no RetrievalMethod in a KeyInfo or EncryptedKey is
 * followed, and Apache Santuario validates securely. See docs/security.md for the residual risk.
 */
class EncryptedXmlAdvisoryTest {
    private final SpFixture fixture = new SpFixture();
    private LoopbackServer server;

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackServer((path, out) -> LoopbackServer.notFound(out));
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void point8_badOuterSignatureOverAnEncryptedAssertion_failsBeforeTheDecrypter() {
        PendingLogin pending = fixture.start().pendingLogin();
        // The assertion is encrypted with AES-CBC, which the decrypter refuses first thing
        // (unsupported_algorithm): were it reached, that would be the code. And its KeyInfo points at the
        // local server, which would see a request were anything resolved.
        ResponseSpec spec = fixture.genuine(pending);
        spec.encrypt = true;
        spec.dataEncryptionAlgorithm = "http://www.w3.org/2001/04/xmlenc#aes256-cbc";
        Document doc = Dom.copy(TestIdp.responseElement(spec, fixture.spKey.certificate()));
        addRetrievalMethods(doc.getDocumentElement());
        Element value = Dom.first(Dom.child(doc.getDocumentElement(), Dom.DS, "Signature"), Dom.DS, "SignatureValue");
        String text = value.getTextContent().trim();
        value.setTextContent((text.charAt(0) == 'A' ? "B" : "A") + text.substring(1));

        assertThatThrownBy(() -> fixture.finish(Dom.base64(doc), pending))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SIGNATURE));
        assertThat(server.requests()).isZero();
    }

    @Test
    void point8_goodOuterSignatureOverTheSameEncryptedAssertion_reachesTheDecrypter() {
        // The control of the test above: with the signature intact, the decrypter's refusal is what shows.
        PendingLogin pending = fixture.start().pendingLogin();
        ResponseSpec spec = fixture.genuine(pending);
        spec.encrypt = true;
        spec.dataEncryptionAlgorithm = "http://www.w3.org/2001/04/xmlenc#aes256-cbc";

        assertThatThrownBy(() -> fixture.finish(fixture.respond(spec), pending))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_ALGORITHM));
    }

    @Test
    void point8_retrievalMethodsInKeyInfoAndEncryptedKey_areNeverFollowed() {
        PendingLogin pending = fixture.start().pendingLogin();
        ResponseSpec spec = fixture.genuine(pending);
        spec.encrypt = true;
        spec.signResponse = false; // So that the added KeyInfo content breaks no signature: only resolution is tested.
        Document doc = Dom.copy(TestIdp.responseElement(spec, fixture.spKey.certificate()));
        addRetrievalMethods(doc.getDocumentElement());

        // The inline EncryptedKey is used; the RetrievalMethods (with an XPath transform) are ignored.
        assertThat(fixture.finish(Dom.base64(doc), pending).identity().familyName()).isEqualTo("Dupont");
        assertThat(server.requests()).isZero();
    }

    @Test
    void point8_onlyARetrievalMethodForTheKey_failsWithoutAnyRequest() {
        PendingLogin pending = fixture.start().pendingLogin();
        ResponseSpec spec = fixture.genuine(pending);
        spec.encrypt = true;
        spec.signResponse = false;
        Document doc = Dom.copy(TestIdp.responseElement(spec, fixture.spKey.certificate()));
        Element key = Dom.first(doc.getDocumentElement(), RawEncrypter.XENC, "EncryptedKey");
        Element keyInfo = (Element) key.getParentNode();
        keyInfo.removeChild(key);
        keyInfo.appendChild(retrievalMethod(doc, RawEncrypter.XENC + "EncryptedKey"));

        assertThatThrownBy(() -> fixture.finish(Dom.base64(doc), pending))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_RESPONSE));
        assertThat(server.requests()).isZero();
    }

    @Test
    void point8_santuarioSecureValidation_isOnForSignaturesAndDecryption() throws Exception {
        PendingLogin pending = fixture.start().pendingLogin();
        byte[] xml = java.util.Base64.getDecoder().decode(fixture.respond(fixture.genuine(pending)));
        OpenSaml saml = OpenSaml.get();
        Response response = (Response) saml.unmarshall(saml.parse(xml).getDocumentElement());

        // The XMLSignature OpenSAML verifies with, as unmarshalled from a received Response.
        assertThat(((SignatureImpl) response.getSignature()).getXMLSignature().getSignedInfo().isSecureValidation())
                .isTrue();
        // The XMLCipher OpenSAML's Decrypter makes (XMLCipher.getInstance(), no flag set by OpenSAML 4.0.1):
        // on with the pinned Santuario 2.3.5, whose constructor turns it on.
        Field flag = XMLCipher.class.getDeclaredField("secureValidation");
        flag.setAccessible(true);
        assertThat(flag.getBoolean(XMLCipher.getInstance())).isTrue();
    }

    /** Adds a RetrievalMethod, with an XPath transform, to the EncryptedData's KeyInfo and to the EncryptedKey. */
    private void addRetrievalMethods(Element response) {
        Document doc = response.getOwnerDocument();
        Element key = Dom.first(response, RawEncrypter.XENC, "EncryptedKey");
        ((Element) key.getParentNode()).appendChild(retrievalMethod(doc, RawEncrypter.XENC + "EncryptedKey"));
        Element keyKeyInfo = doc.createElementNS(Dom.DS, "ds:KeyInfo");
        keyKeyInfo.appendChild(retrievalMethod(doc, "http://www.w3.org/2000/09/xmldsig#X509Data"));
        key.insertBefore(keyKeyInfo, Dom.child(key, RawEncrypter.XENC, "CipherData"));
    }

    private Element retrievalMethod(Document doc, String type) {
        Element method = doc.createElementNS(Dom.DS, "ds:RetrievalMethod");
        method.setAttribute("URI", server.uri("/key").toString());
        method.setAttribute("Type", type);
        Element transforms = doc.createElementNS(Dom.DS, "ds:Transforms");
        Element transform = doc.createElementNS(Dom.DS, "ds:Transform");
        transform.setAttribute("Algorithm", "http://www.w3.org/TR/1999/REC-xpath-19991116");
        Element xpath = doc.createElementNS(Dom.DS, "ds:XPath");
        xpath.setTextContent("self::node()");
        transform.appendChild(xpath);
        transforms.appendChild(transform);
        method.appendChild(transforms);
        return method;
    }
}
