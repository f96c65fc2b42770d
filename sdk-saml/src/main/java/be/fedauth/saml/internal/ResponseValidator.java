package be.fedauth.saml.internal;

import be.fedauth.core.AuthenticationException;
import be.fedauth.core.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.StatusCode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Validates a SAML 2.0 Response received over HTTP-POST (SAML Bindings 3.5, Profiles 4.1.4) and
 * returns the values of the one assertion that passed every check. What is verified:
 * <ul>
 *   <li>size, base64, a hardened schema-validating parse (no DTD, no external entities), no comments
 *   or processing instructions anywhere;</li>
 *   <li>Response: version, Destination (the ACS), Issuer (required when the Response is signed), Status,
 *   InResponseTo (no unsolicited response unless allowed), IssueInstant (not in the future, not older
 *   than the maximum age), its signature when present, before any decryption;</li>
 *   <li>exactly one assertion, plain or encrypted (RSA-OAEP, AES-GCM), whose own signature is required
 *   by default and is verified after decryption; when the operator accepts the Response's signature
 *   alone, an unsigned assertion (plain or encrypted) is accepted inside a signed Response only;</li>
 *   <li>the assertion's Issuer, IssueInstant, bearer SubjectConfirmation (Recipient, NotOnOrAfter,
 *   InResponseTo, no NotBefore), Conditions (validity window with skew, every AudienceRestriction),
 *   AuthnStatement, each attribute once (see {@link AssertionChecks}).</li>
 * </ul>
 * A message nested deep enough to overflow the stack fails with {@code malformed_response}, never with an
 * Error. Not verified here: the replay cache and the level (the provider does both). Thread-safe.
 */
public final class ResponseValidator {
    private final ValidationSettings settings;
    private final SignatureChecker signatures = new SignatureChecker();
    private final AssertionDecrypter decrypter;
    private final AssertionChecks checks;

    /** A validator for one SP configuration. */
    public ResponseValidator(ValidationSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.decrypter = new AssertionDecrypter(settings.decryptionCredentials());
        this.checks = new AssertionChecks(settings);
    }

    /**
     * Validates a base64 {@code SAMLResponse} form value.
     *
     * @param expectedRequestId the AuthnRequest ID sent, when the login was SP-initiated
     * @throws AuthenticationException with the code of the first failed check
     */
    public VerifiedAssertion validate(String samlResponse, Optional<String> expectedRequestId, IdpDescriptor idp) {
        try {
            return verify(samlResponse, expectedRequestId, idp);
        } catch (StackOverflowError e) {
            // Never an Error (an HTTP 500 without audit) for a hostile message: parse, unmarshal, decrypt and
            // signature code recurse per level. The parser's depth limit should make this unreachable.
            throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE, "the SAML response nests too deeply");
        }
    }

    private VerifiedAssertion verify(String samlResponse, Optional<String> expectedRequestId, IdpDescriptor idp) {
        byte[] xml = decode(samlResponse);
        OpenSaml saml = OpenSaml.get();
        Document document = saml.parse(xml);
        refuseCommentsAndInstructions(document);
        Element root = document.getDocumentElement();
        if (!SAMLConstants.SAML20P_NS.equals(root.getNamespaceURI()) || !"Response".equals(root.getLocalName())) {
            throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE, "the message is not a SAML 2.0 Response");
        }
        XMLObject object = saml.unmarshall(root);
        if (!(object instanceof Response response)) {
            throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE, "the message is not a SAML 2.0 Response");
        }
        checkResponse(response, expectedRequestId, idp);

        Assertion assertion = theOneAssertion(response);
        if (assertion == null) {
            assertion = decrypter.decrypt(response.getEncryptedAssertions().get(0));
        } else if (settings.requireEncryptedAssertion()) {
            throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE, "the assertion is not encrypted");
        }
        if (assertion.isSigned()) {
            signatures.verify(assertion, idp.credentials(), "assertion");
        } else if (settings.requireSignedAssertion() || !response.isSigned()) {
            throw new AuthenticationException(ErrorCode.UNSIGNED_ASSERTION, response.isSigned()
                    ? "the assertion is not signed, only the Response is, and acceptResponseSignatureOnly() is not set"
                    : "neither the assertion nor the Response is signed");
        }
        // Else (opted in) the assertion is covered by the Response's signature, verified above, before any
        // decryption: it references the Response's own ID, the document element, and so covers the one
        // assertion taken from its direct children, plain or encrypted. For an encrypted one, the signed
        // bytes are the EncryptedAssertion with its EncryptedData and EncryptedKey (the key resolvers look
        // nowhere else, and no RetrievalMethod is followed), so the plaintext is what the IdP encrypted.
        return checks.check(assertion, expectedRequestId, idp);
    }

    private byte[] decode(String samlResponse) {
        Objects.requireNonNull(samlResponse, "samlResponse");
        if (samlResponse.length() > settings.maxResponseBytes() * 4L / 3 + 4) {
            throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE, "the SAML response is too large");
        }
        try {
            return Base64.getMimeDecoder().decode(samlResponse.getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE, "the SAML response is not base64", e);
        }
    }

    private void checkResponse(Response response, Optional<String> expectedRequestId, IdpDescriptor idp) {
        if (response.getVersion() != SAMLVersion.VERSION_20) {
            throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE, "the response is not SAML 2.0");
        }
        // SAML Bindings 3.5.5.2: a signed response must carry the Destination; we require it always.
        if (!settings.acsUrl().equals(response.getDestination())) {
            throw new AuthenticationException(ErrorCode.DESTINATION_MISMATCH,
                    "the response is addressed to " + Shown.value(response.getDestination()) + ", not " + settings.acsUrl());
        }
        // SAML Profiles 4.1.4.2: a signed Response must carry its Issuer.
        checkIssuer(response.getIssuer(), idp, response.isSigned(), "response");
        checkStatus(response);
        String inResponseTo = response.getInResponseTo();
        if (expectedRequestId.isPresent()) {
            if (inResponseTo == null && !settings.allowUnsolicited()) {
                throw new AuthenticationException(ErrorCode.IN_RESPONSE_TO_MISMATCH, "the response has no InResponseTo");
            }
            if (inResponseTo != null && !inResponseTo.equals(expectedRequestId.get())) {
                throw new AuthenticationException(ErrorCode.IN_RESPONSE_TO_MISMATCH,
                        "the response answers another request");
            }
        } else if (!settings.allowUnsolicited()) {
            throw new AuthenticationException(ErrorCode.IN_RESPONSE_TO_MISMATCH, "unsolicited responses are not accepted");
        } else if (inResponseTo != null) {
            throw new AuthenticationException(ErrorCode.IN_RESPONSE_TO_MISMATCH, "the response answers an unknown request");
        }
        Instant now = settings.clock().instant();
        checkIssueInstant(response.getIssueInstant(), settings, now, "response");
        if (response.isSigned()) {
            signatures.verify(response, idp.credentials(), "response");
        }
    }

    /**
     * Checks an IssueInstant: present, not in the future beyond the skew, and not older than the maximum
     * age (plus the skew): an old message, even genuine, is not accepted long after it was made.
     */
    static void checkIssueInstant(Instant issued, ValidationSettings settings, Instant now, String what) {
        if (issued == null) {
            throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE, "the " + what + " has no IssueInstant");
        }
        if (issued.isAfter(now.plus(settings.skew()))) {
            throw new AuthenticationException(ErrorCode.TOKEN_ISSUED_IN_FUTURE, "the " + what + " is issued in the future");
        }
        if (issued.isBefore(now.minus(settings.maxIssueAge()).minus(settings.skew()))) {
            throw new AuthenticationException(ErrorCode.TOKEN_EXPIRED,
                    "the " + what + " was issued more than " + settings.maxIssueAge() + " ago");
        }
    }

    /** Checks an Issuer (SAML Profiles 4.1.4.2: the IdP's entity id, format entity or absent). */
    static void checkIssuer(Issuer issuer, IdpDescriptor idp, boolean required, String what) {
        if (issuer == null) {
            if (required) {
                throw new AuthenticationException(ErrorCode.ISSUER_MISMATCH, "the " + what + " has no Issuer");
            }
            return;
        }
        if (issuer.getFormat() != null && !NameIDType.ENTITY.equals(issuer.getFormat())) {
            throw new AuthenticationException(ErrorCode.ISSUER_MISMATCH, "the Issuer format is not entity");
        }
        if (!idp.entityId().equals(issuer.getValue())) {
            throw new AuthenticationException(ErrorCode.ISSUER_MISMATCH,
                    "the issuer is " + Shown.value(issuer.getValue()) + ", expected " + idp.entityId());
        }
    }

    private static void checkStatus(Response response) {
        if (response.getStatus() == null || response.getStatus().getStatusCode() == null) {
            throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE, "the response has no status");
        }
        StatusCode code = response.getStatus().getStatusCode();
        if (StatusCode.SUCCESS.equals(code.getValue())) {
            return;
        }
        String second = code.getStatusCode() == null ? "" : String.valueOf(code.getStatusCode().getValue());
        if (StatusCode.AUTHN_FAILED.equals(second) || StatusCode.REQUEST_DENIED.equals(second)) {
            throw new AuthenticationException(ErrorCode.LOGIN_CANCELLED, "the identity provider reports " + Shown.value(second));
        }
        if (StatusCode.NO_AUTHN_CONTEXT.equals(second)) {
            throw new AuthenticationException(ErrorCode.LEVEL_TOO_LOW, "the identity provider reports " + Shown.value(second));
        }
        throw new AuthenticationException(ErrorCode.IDP_ERROR,
                "the identity provider reports " + Shown.value(code.getValue()) + (second.isEmpty() ? "" : " / " + Shown.value(second)));
    }

    /** SAML Profiles 4.1.4.2 allows several assertions; we accept exactly one, so there is no choice to trick. */
    private static Assertion theOneAssertion(Response response) {
        int plain = response.getAssertions().size();
        int encrypted = response.getEncryptedAssertions().size();
        if (plain + encrypted != 1) {
            throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE,
                    "the response holds " + (plain + encrypted) + " assertions instead of one");
        }
        return plain == 1 ? response.getAssertions().get(0) : null;
    }

    /** Refuses comments and processing instructions anywhere: FAS sends none, attacks do. */
    static void refuseCommentsAndInstructions(Node node) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            short type = child.getNodeType();
            if (type == Node.COMMENT_NODE || type == Node.PROCESSING_INSTRUCTION_NODE) {
                throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE,
                        "the SAML message contains a comment or processing instruction");
            }
            if (type == Node.ELEMENT_NODE) {
                refuseCommentsAndInstructions(child);
            }
        }
    }
}
