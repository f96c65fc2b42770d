package be.fedauth.saml;

import be.fedauth.core.ErrorCode;
import be.fedauth.core.PendingLogin;
import be.fedauth.saml.support.Dom;
import be.fedauth.saml.support.RawSigner;
import be.fedauth.saml.support.ResponseSpec;
import be.fedauth.saml.support.SpFixture;
import be.fedauth.saml.support.TestCredentials;
import be.fedauth.saml.support.TestIdp;
import java.time.Duration;
import java.util.function.BiFunction;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Attacks on the Response, each crafted by hand against a fixture and a pending login, with the
 * error code the SP must answer. XSW1 to XSW8 follow SAMLRaider's definitions (Mainka, Mladenov,
 * Schwenk et al.): XSW1-2 on the Response signature (assertion unsigned, SP accepting the response
 * signature), XSW3-8 on the Assertion signature (response unsigned).
 */
enum ResponseAttack {
    XSW1(Setup.RESPONSE_SIGNATURE_ONLY, ErrorCode.MALFORMED_RESPONSE, (f, p) -> {
        ResponseSpec spec = responseSignedOnly(f, p);
        Document doc = Dom.copy(TestIdp.responseElement(spec, null));
        Element response = doc.getDocumentElement();
        Element original = (Element) response.cloneNode(true);
        original.removeChild(Dom.child(original, Dom.DS, "Signature"));
        response.setAttribute("ID", "_evil_response");
        Dom.makeEvil(Dom.child(response, Dom.SAML, "Assertion"));
        Dom.child(response, Dom.DS, "Signature").appendChild(original);
        return Dom.base64(doc);
    }),
    XSW2(Setup.RESPONSE_SIGNATURE_ONLY, ErrorCode.MALFORMED_RESPONSE, (f, p) -> {
        ResponseSpec spec = responseSignedOnly(f, p);
        Document doc = Dom.copy(TestIdp.responseElement(spec, null));
        Element response = doc.getDocumentElement();
        Element original = (Element) response.cloneNode(true);
        original.removeChild(Dom.child(original, Dom.DS, "Signature"));
        response.setAttribute("ID", "_evil_response");
        Dom.makeEvil(Dom.child(response, Dom.SAML, "Assertion"));
        response.insertBefore(original, Dom.child(response, Dom.DS, "Signature"));
        return Dom.base64(doc);
    }),
    XSW3(Setup.DEFAULT, ErrorCode.MALFORMED_RESPONSE, (f, p) -> {
        Document doc = assertionSignedOnly(f, p);
        Element assertion = Dom.child(doc.getDocumentElement(), Dom.SAML, "Assertion");
        Element evil = evilCopy(assertion, "_evil_assertion");
        doc.getDocumentElement().insertBefore(evil, assertion);
        return Dom.base64(doc);
    }),
    XSW4(Setup.DEFAULT, ErrorCode.MALFORMED_RESPONSE, (f, p) -> {
        Document doc = assertionSignedOnly(f, p);
        Element assertion = Dom.child(doc.getDocumentElement(), Dom.SAML, "Assertion");
        Element evil = evilCopy(assertion, "_evil_assertion");
        doc.getDocumentElement().replaceChild(evil, assertion);
        evil.appendChild(assertion);
        return Dom.base64(doc);
    }),
    XSW5(Setup.DEFAULT, ErrorCode.MALFORMED_RESPONSE, (f, p) -> {
        Document doc = assertionSignedOnly(f, p);
        Element assertion = Dom.child(doc.getDocumentElement(), Dom.SAML, "Assertion");
        Element copy = (Element) assertion.cloneNode(true);
        copy.removeChild(Dom.child(copy, Dom.DS, "Signature"));
        Dom.makeEvil(assertion);
        doc.getDocumentElement().appendChild(copy);
        return Dom.base64(doc);
    }),
    XSW6(Setup.DEFAULT, ErrorCode.MALFORMED_RESPONSE, (f, p) -> {
        Document doc = assertionSignedOnly(f, p);
        Element assertion = Dom.child(doc.getDocumentElement(), Dom.SAML, "Assertion");
        Element original = (Element) assertion.cloneNode(true);
        original.removeChild(Dom.child(original, Dom.DS, "Signature"));
        assertion.setAttribute("ID", "_evil_assertion");
        Dom.makeEvil(assertion);
        Dom.child(assertion, Dom.DS, "Signature").appendChild(original);
        return Dom.base64(doc);
    }),
    XSW7(Setup.DEFAULT, ErrorCode.MALFORMED_RESPONSE, (f, p) -> {
        Document doc = assertionSignedOnly(f, p);
        Element response = doc.getDocumentElement();
        Element assertion = Dom.child(response, Dom.SAML, "Assertion");
        Element extensions = doc.createElementNS(Dom.SAMLP, "saml2p:Extensions");
        response.insertBefore(extensions, Dom.child(response, Dom.SAMLP, "Status"));
        Element evil = evilCopy(assertion, assertion.getAttribute("ID"));
        response.replaceChild(evil, assertion);
        extensions.appendChild(assertion);
        return Dom.base64(doc);
    }),
    XSW8(Setup.DEFAULT, ErrorCode.INVALID_SIGNATURE, (f, p) -> {
        Document doc = assertionSignedOnly(f, p);
        Element assertion = Dom.child(doc.getDocumentElement(), Dom.SAML, "Assertion");
        Element original = (Element) assertion.cloneNode(true);
        original.removeChild(Dom.child(original, Dom.DS, "Signature"));
        assertion.setAttribute("ID", "_evil_assertion");
        Dom.makeEvil(assertion);
        Element object = doc.createElementNS(Dom.DS, "ds:Object");
        object.appendChild(original);
        Dom.child(assertion, Dom.DS, "Signature").appendChild(object);
        return Dom.base64(doc);
    }),
    SIGNATURES_REMOVED(Setup.DEFAULT, ErrorCode.UNSIGNED_ASSERTION, (f, p) -> {
        Document doc = Dom.copy(TestIdp.responseElement(f.genuine(p), null));
        Element response = doc.getDocumentElement();
        response.removeChild(Dom.child(response, Dom.DS, "Signature"));
        Element assertion = Dom.child(response, Dom.SAML, "Assertion");
        assertion.removeChild(Dom.child(assertion, Dom.DS, "Signature"));
        return Dom.base64(doc);
    }),
    UNSIGNED_ASSERTION_IN_SIGNED_RESPONSE(Setup.DEFAULT, ErrorCode.UNSIGNED_ASSERTION, (f, p) -> {
        ResponseSpec spec = f.genuine(p);
        spec.signAssertion = false;
        return f.respond(spec);
    }),
    SIGNED_WITH_KEYINFO_CERTIFICATE(Setup.DEFAULT, ErrorCode.INVALID_SIGNATURE, (f, p) -> {
        ResponseSpec spec = f.genuine(p);
        spec.signingKey = TestCredentials.rsa("attacker");
        return f.respond(spec);
    }),
    TAMPERED_AFTER_SIGNING(Setup.DEFAULT, ErrorCode.INVALID_SIGNATURE, (f, p) -> {
        Document doc = assertionSignedOnly(f, p);
        Dom.makeEvil(Dom.child(doc.getDocumentElement(), Dom.SAML, "Assertion"));
        return Dom.base64(doc);
    }),
    COMMENT_IN_NAMEID(Setup.DEFAULT, ErrorCode.MALFORMED_RESPONSE, (f, p) -> {
        // Exclusive c14n without comments ignores the comment, so the signature still verifies.
        Document doc = assertionSignedOnly(f, p);
        Element nameId = Dom.first(doc.getDocumentElement(), Dom.SAML, "NameID");
        String value = nameId.getTextContent();
        nameId.setTextContent(value.substring(0, 5));
        nameId.appendChild(doc.createComment("x"));
        nameId.appendChild(doc.createTextNode(value.substring(5)));
        return Dom.base64(doc);
    }),
    DOCTYPE(Setup.DEFAULT, ErrorCode.MALFORMED_RESPONSE, (f, p) -> withDoctype(f, p,
            "<!DOCTYPE saml2p:Response [<!ENTITY who \"Mallory\">]>", null)),
    EXTERNAL_ENTITY(Setup.DEFAULT, ErrorCode.MALFORMED_RESPONSE, (f, p) -> withDoctype(f, p,
            "<!DOCTYPE saml2p:Response [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>", "&xxe;")),
    ENTITY_EXPANSION(Setup.DEFAULT, ErrorCode.MALFORMED_RESPONSE, (f, p) -> withDoctype(f, p,
            "<!DOCTYPE saml2p:Response [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                    + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>", "&d;")),
    XSLT_TRANSFORM(Setup.DEFAULT, ErrorCode.INVALID_SIGNATURE, (f, p) -> {
        Document doc = assertionSignedOnly(f, p);
        RawSigner.addXsltAndResign(Dom.child(doc.getDocumentElement(), Dom.SAML, "Assertion"), f.idpKey);
        return Dom.base64(doc);
    }),
    EXTRA_OBJECT_REFERENCE(Setup.DEFAULT, ErrorCode.INVALID_SIGNATURE, (f, p) -> {
        ResponseSpec spec = f.genuine(p);
        spec.signResponse = false;
        spec.signAssertion = false;
        Document doc = Dom.copy(TestIdp.responseElement(spec, null));
        RawSigner.signWithObjectReference(Dom.child(doc.getDocumentElement(), Dom.SAML, "Assertion"), f.idpKey);
        return Dom.base64(doc);
    }),
    WRONG_DESTINATION(Setup.DEFAULT, ErrorCode.DESTINATION_MISMATCH, (f, p) -> with(f, p, s -> s.destination = "https://evil.example/acs")),
    MISSING_DESTINATION(Setup.DEFAULT, ErrorCode.DESTINATION_MISMATCH, (f, p) -> with(f, p, s -> s.destination = null)),
    WRONG_RECIPIENT(Setup.DEFAULT, ErrorCode.RECIPIENT_MISMATCH, (f, p) -> with(f, p, s -> s.recipient = "https://evil.example/acs")),
    WRONG_AUDIENCE(Setup.DEFAULT, ErrorCode.AUDIENCE_MISMATCH, (f, p) -> with(f, p, s -> s.audiences.set(0, "https://other-sp.example"))),
    SECOND_AUDIENCE_RESTRICTION_FOR_ANOTHER_SP(Setup.DEFAULT, ErrorCode.AUDIENCE_MISMATCH,
            (f, p) -> with(f, p, s -> s.secondRestriction.add("https://other-sp.example"))),
    NO_AUDIENCE(Setup.DEFAULT, ErrorCode.AUDIENCE_MISMATCH, (f, p) -> with(f, p, s -> s.audiences.clear())),
    WRONG_RESPONSE_ISSUER(Setup.DEFAULT, ErrorCode.ISSUER_MISMATCH, (f, p) -> with(f, p, s -> s.issuer = "https://evil.example/idp")),
    WRONG_ASSERTION_ISSUER(Setup.DEFAULT, ErrorCode.ISSUER_MISMATCH, (f, p) -> with(f, p, s -> s.assertionIssuer = "https://evil.example/idp")),
    WRONG_IN_RESPONSE_TO(Setup.DEFAULT, ErrorCode.IN_RESPONSE_TO_MISMATCH, (f, p) -> with(f, p, s -> s.inResponseTo = "_other")),
    MISSING_IN_RESPONSE_TO(Setup.DEFAULT, ErrorCode.IN_RESPONSE_TO_MISMATCH, (f, p) -> with(f, p, s -> {
        s.inResponseTo = null;
        s.confirmationInResponseTo = null;
    })),
    WRONG_CONFIRMATION_IN_RESPONSE_TO(Setup.DEFAULT, ErrorCode.IN_RESPONSE_TO_MISMATCH,
            (f, p) -> with(f, p, s -> s.confirmationInResponseTo = "_other")),
    EXPIRED_BEYOND_SKEW(Setup.DEFAULT, ErrorCode.TOKEN_EXPIRED, (f, p) -> with(f, p,
            s -> s.notOnOrAfter = f.clock.instant().minus(Duration.ofSeconds(61)))),
    BEARER_EXPIRED_BEYOND_SKEW(Setup.DEFAULT, ErrorCode.TOKEN_EXPIRED, (f, p) -> with(f, p,
            s -> s.confirmationNotOnOrAfter = f.clock.instant().minus(Duration.ofSeconds(61)))),
    NOT_YET_VALID_BEYOND_SKEW(Setup.DEFAULT, ErrorCode.TOKEN_NOT_YET_VALID, (f, p) -> with(f, p,
            s -> s.notBefore = f.clock.instant().plus(Duration.ofSeconds(61)))),
    REPLAYED(Setup.DEFAULT, ErrorCode.REPLAY_DETECTED, (f, p) -> {
        String response = f.respond(f.genuine(p));
        f.finish(response, p);
        return response;
    }),
    TWO_ASSERTIONS(Setup.DEFAULT, ErrorCode.MALFORMED_RESPONSE, (f, p) -> with(f, p, s -> s.assertions = 2)),
    SHA1_SIGNATURE(Setup.DEFAULT, ErrorCode.UNSUPPORTED_ALGORITHM, (f, p) -> with(f, p,
            s -> s.signatureAlgorithm = SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA1)),
    SHA1_DIGEST(Setup.DEFAULT, ErrorCode.UNSUPPORTED_ALGORITHM, (f, p) -> with(f, p,
            s -> s.digestAlgorithm = SignatureConstants.ALGO_ID_DIGEST_SHA1)),
    RSA_1024_KEY(Setup.WEAK_KEY_IN_METADATA, ErrorCode.INVALID_SIGNATURE, (f, p) -> with(f, p,
            s -> s.signingKey = TestCredentials.rsa("idp-weak", 1024))),
    /** Signed Response, encrypted unsigned assertion, the operator has not opted in (see ResponseSignatureOnlyTest). */
    ENCRYPTED_UNSIGNED_INSIDE(Setup.DEFAULT, ErrorCode.UNSIGNED_ASSERTION, (f, p) -> with(f, p, s -> {
        s.encrypt = true;
        s.signAssertion = false;
    })),
    ENCRYPTED_WITH_WRAPPED_PLAIN_ASSERTION(Setup.DEFAULT, ErrorCode.MALFORMED_RESPONSE, (f, p) -> {
        ResponseSpec spec = f.genuine(p);
        spec.encrypt = true;
        spec.signResponse = false;
        Document doc = Dom.copy(TestIdp.responseElement(spec, f.spKey.certificate()));
        ResponseSpec plain = f.genuine(p);
        Element evil = Dom.child(Dom.copy(TestIdp.responseElement(plain, null)).getDocumentElement(), Dom.SAML, "Assertion");
        doc.getDocumentElement().insertBefore(doc.importNode(evil, true),
                Dom.child(doc.getDocumentElement(), Dom.SAML, "EncryptedAssertion"));
        return Dom.base64(doc);
    }),
    ENCRYPTED_WITH_CBC(Setup.DEFAULT, ErrorCode.UNSUPPORTED_ALGORITHM, (f, p) -> with(f, p, s -> {
        s.encrypt = true;
        s.dataEncryptionAlgorithm = "http://www.w3.org/2001/04/xmlenc#aes256-cbc";
    })),
    OVERSIZED(Setup.DEFAULT, ErrorCode.MALFORMED_RESPONSE, (f, p) -> with(f, p,
            s -> s.attributes.put("padding", java.util.List.of("x".repeat(300 * 1024))))),
    DEEPLY_NESTED(Setup.DEFAULT, ErrorCode.MALFORMED_RESPONSE, (f, p) -> {
        // 10,000 nested elements in Extensions (about 110 KB, schema-valid): unsigned, so only the
        // parse stands between it and OpenSAML's recursive unmarshaller (a StackOverflowError).
        String xml = Dom.text(assertionSignedOnly(f, p));
        int status = xml.indexOf("<saml2p:Status");
        String nested = "<saml2p:Extensions xmlns:x=\"urn:x\">" + "<x:a>".repeat(10_000) + "</x:a>".repeat(10_000)
                + "</saml2p:Extensions>";
        return TestIdp.encode((xml.substring(0, status) + nested + xml.substring(status))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }),
    ENCRYPTED_WITH_COMMENT_IN_NAMEID(Setup.DEFAULT, ErrorCode.MALFORMED_RESPONSE, (f, p) -> with(f, p, s -> {
        // The decrypted assertion gets the comment refusal of a plain one (the c14n ignores comments).
        s.encrypt = true;
        s.afterSigning = assertion -> {
            Element nameId = Dom.first(assertion, Dom.SAML, "NameID");
            String value = nameId.getTextContent();
            nameId.setTextContent(value.substring(0, 5));
            nameId.appendChild(assertion.getOwnerDocument().createComment("x"));
            nameId.appendChild(assertion.getOwnerDocument().createTextNode(value.substring(5)));
        };
    })),
    ENCRYPTED_NOT_SCHEMA_VALID(Setup.DEFAULT, ErrorCode.MALFORMED_RESPONSE, (f, p) -> with(f, p, s -> {
        s.encrypt = true;
        s.afterSigning = assertion -> assertion.appendChild(
                assertion.getOwnerDocument().createElementNS(Dom.SAML, "saml2:Bogus"));
    })),
    /** Issue 12 point 7: thousands of levels inside the encrypted assertion, unsigned response, any sender. */
    POINT7_ENCRYPTED_DEEPLY_NESTED(Setup.LARGE_RESPONSES, ErrorCode.MALFORMED_RESPONSE,
            (f, p) -> encryptedDeeplyNested(f, p, 35_000)),
    /** Issue 12 point 9: the Response's IssueInstant is older than the 10-minute maximum age plus the skew. */
    POINT9_RESPONSE_ISSUED_TOO_LONG_AGO(Setup.DEFAULT, ErrorCode.TOKEN_EXPIRED, (f, p) -> with(f, p, s -> {
        s.issueInstant = f.clock.instant().minus(Duration.ofMinutes(11).plusSeconds(1));
        s.assertionIssueInstant = f.clock.instant();
    })),
    /** Issue 12 point 9: the assertion's IssueInstant is older than the maximum age plus the skew. */
    POINT9_ASSERTION_ISSUED_TOO_LONG_AGO(Setup.DEFAULT, ErrorCode.TOKEN_EXPIRED, (f, p) -> with(f, p,
            s -> s.assertionIssueInstant = f.clock.instant().minus(Duration.ofMinutes(11).plusSeconds(1)))),
    /** Issue 12 point 9: the Response is signed with a Reference URI="" (the whole document). */
    POINT9_EMPTY_REFERENCE_URI(Setup.DEFAULT, ErrorCode.INVALID_SIGNATURE, (f, p) -> {
        Document doc = assertionSignedOnly(f, p);
        RawSigner.signWithEmptyReference(doc.getDocumentElement(), f.idpKey);
        return Dom.base64(doc);
    }),
    /** Issue 12 point 9: a signed Response without its Issuer (SAML Profiles 4.1.4.2). */
    POINT9_SIGNED_RESPONSE_WITHOUT_ISSUER(Setup.DEFAULT, ErrorCode.ISSUER_MISMATCH, (f, p) -> with(f, p, s -> s.issuer = null)),
    /** Issue 12 point 9: a bearer SubjectConfirmationData with NotBefore (SAML Profiles 4.1.4.2 forbids it). */
    POINT9_BEARER_CONFIRMATION_WITH_NOT_BEFORE(Setup.DEFAULT, ErrorCode.MALFORMED_RESPONSE, (f, p) -> with(f, p,
            s -> s.confirmationNotBefore = f.clock.instant().minusSeconds(5))),
    /** Issue 12 point 9: two Attribute elements with the same Name (two national numbers). */
    POINT9_SAME_ATTRIBUTE_TWICE(Setup.DEFAULT, ErrorCode.MALFORMED_RESPONSE, (f, p) -> with(f, p,
            s -> s.extraAttributes.add(java.util.Map.entry("egovNRN", java.util.List.of("93051822361"))))),
    /** Issue 12 point 9: one national number attribute with two values. */
    POINT9_TWO_NATIONAL_NUMBERS(Setup.DEFAULT, ErrorCode.MALFORMED_RESPONSE, (f, p) -> with(f, p,
            s -> s.attributes.put("egovNRN", java.util.List.of("85073003328", "93051822361")))),
    /** Issue 12 point 9: two family names; which one counts would be a guess. */
    POINT9_TWO_FAMILY_NAMES(Setup.DEFAULT, ErrorCode.MALFORMED_RESPONSE, (f, p) -> with(f, p,
            s -> s.attributes.put("surname", java.util.List.of("Dupont", "Janssens"))));

    /** How the SP is configured for an attack. */
    enum Setup { DEFAULT, RESPONSE_SIGNATURE_ONLY, WEAK_KEY_IN_METADATA, LARGE_RESPONSES }

    final Setup setup;
    final ErrorCode expected;
    private final BiFunction<SpFixture, PendingLogin, String> craft;

    ResponseAttack(Setup setup, ErrorCode expected, BiFunction<SpFixture, PendingLogin, String> craft) {
        this.setup = setup;
        this.expected = expected;
        this.craft = craft;
    }

    String craft(SpFixture fixture, PendingLogin pending) {
        return craft.apply(fixture, pending);
    }

    private static String with(SpFixture f, PendingLogin p, java.util.function.Consumer<ResponseSpec> change) {
        ResponseSpec spec = f.genuine(p);
        change.accept(spec);
        return f.respond(spec);
    }

    private static ResponseSpec responseSignedOnly(SpFixture f, PendingLogin p) {
        ResponseSpec spec = f.genuine(p);
        spec.signAssertion = false;
        return spec;
    }

    private static Document assertionSignedOnly(SpFixture f, PendingLogin p) {
        ResponseSpec spec = f.genuine(p);
        spec.signResponse = false;
        return Dom.copy(TestIdp.responseElement(spec, null));
    }

    /**
     * An unsigned Response holding an EncryptedAssertion (to the SP's real key) whose plaintext is a
     * genuine signed assertion with {@code depth} nested elements inside.
     */
    static String encryptedDeeplyNested(SpFixture f, PendingLogin p, int depth) {
        ResponseSpec plain = f.genuine(p);
        plain.signResponse = false;
        Element signed = Dom.child(Dom.copy(TestIdp.responseElement(plain, null)).getDocumentElement(), Dom.SAML, "Assertion");
        String assertion = new String(be.fedauth.saml.internal.OpenSaml.serialize(signed),
                java.nio.charset.StandardCharsets.UTF_8);
        int end = assertion.lastIndexOf("</");
        String nested = assertion.substring(0, end) + "<a>".repeat(depth) + "</a>".repeat(depth) + assertion.substring(end);
        ResponseSpec spec = f.genuine(p);
        spec.signResponse = false;
        spec.encrypt = true;
        Document doc = Dom.copy(TestIdp.responseElement(spec, f.spKey.certificate()));
        be.fedauth.saml.support.RawEncrypter.replacePlaintext(doc.getDocumentElement(),
                nested.getBytes(java.nio.charset.StandardCharsets.UTF_8), f.spKey.certificate());
        return Dom.base64(doc);
    }

    private static Element evilCopy(Element assertion, String id) {
        Element evil = (Element) assertion.cloneNode(true);
        evil.removeChild(Dom.child(evil, Dom.DS, "Signature"));
        evil.setAttribute("ID", id);
        Dom.makeEvil(evil);
        return evil;
    }

    private static String withDoctype(SpFixture f, PendingLogin p, String doctype, String nameIdReplacement) {
        Document doc = assertionSignedOnly(f, p);
        String xml = Dom.text(doc).replaceFirst("<\\?xml[^>]*\\?>", "");
        if (nameIdReplacement != null) {
            xml = xml.replace("_transient-1234", nameIdReplacement);
        }
        return TestIdp.encode((doctype + xml).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
