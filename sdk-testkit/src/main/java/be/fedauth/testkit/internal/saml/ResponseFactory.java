package be.fedauth.testkit.internal.saml;

import be.fedauth.core.DigitalKey;
import be.fedauth.core.ReleasedClaims;
import be.fedauth.testkit.Person;
import be.fedauth.testkit.SamlAttack;
import be.fedauth.testkit.SamlServiceProvider;
import be.fedauth.testkit.internal.FakeIdpContext;
import be.fedauth.testkit.internal.KeyMaterial;
import be.fedauth.testkit.internal.TestKeys;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.opensaml.core.xml.schema.XSString;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.*;
import org.opensaml.saml.saml2.encryption.Encrypter;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.encryption.support.DataEncryptionParameters;
import org.opensaml.xmlsec.encryption.support.EncryptionConstants;
import org.opensaml.xmlsec.encryption.support.EncryptionException;
import org.opensaml.xmlsec.encryption.support.KeyEncryptionParameters;
import org.w3c.dom.Element;

/**
 * Builds the IdP's Responses the way FAS does: Response and Assertion signed RSA-SHA256, transient
 * NameID, bearer confirmation to the ACS, audience the SP, AuthnContextClassRef of the key used, the
 * IdP's attribute names; the assertion encrypted (AES-256-GCM, RSA-OAEP) when the SP registered an
 * encryption certificate. One-shot {@link SamlAttack}s change one thing. Thread-safe.
 */
final class ResponseFactory {
    private static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final AtomicReference<KeyMaterial> ATTACKER = new AtomicReference<>();

    private final IdpSide side;
    private final SpSessions sessions;
    private final AtomicReference<String> lastAssertionId = new AtomicReference<>();

    ResponseFactory(IdpSide side, SpSessions sessions) {
        this.side = side;
        this.sessions = sessions;
    }

    /** A successful login of {@code person} with {@code key}, as a DOM ready to serialise. */
    Element success(FakeIdpContext context, SamlServiceProvider sp, String acs, String requestId, Person person,
                    DigitalKey key, Optional<SamlAttack> attack) {
        SamlRuntime saml = SamlRuntime.get();
        SamlAttack a = attack.orElse(null);
        Instant now = a == SamlAttack.ISSUED_TOO_LONG_AGO ? context.clock().instant().minus(Duration.ofMinutes(20))
                : context.clock().instant();
        // Validity windows stay current for that attack: only the IssueInstants are old.
        Instant validFrom = context.clock().instant();
        KeyMaterial signer = a == SamlAttack.SIGNED_BY_KEYINFO_CERTIFICATE ? attacker() : side.keys(context).current();
        boolean sha1 = a == SamlAttack.SHA1_SIGNATURE;
        String issuer = a == SamlAttack.WRONG_ISSUER ? "https://evil.example/idp" : side.entityId(context);
        String inResponseTo = a == SamlAttack.WRONG_IN_RESPONSE_TO ? "_another-request" : requestId;

        String assertionId = "_" + context.randomId();
        String previous = lastAssertionId.getAndSet(assertionId);
        if (a == SamlAttack.REPLAYED_ASSERTION && previous != null) {
            assertionId = previous;
            lastAssertionId.set(previous);
        }
        Assertion assertion = assertion(context, sp, acs, inResponseTo, person, key, a, now, validFrom, assertionId, issuer);
        if (a == null) {
            // The session the IdP's own logout page can end (an attacked response makes no session).
            sessions.loggedIn(sp.entityId(), assertion.getSubject().getNameID().getValue(),
                    assertion.getAuthnStatements().get(0).getSessionIndex());
        }
        boolean signAssertion = a != SamlAttack.UNSIGNED_ASSERTION && a != SamlAttack.UNSIGNED_ASSERTION_IN_SIGNED_RESPONSE
                && a != SamlAttack.ENCRYPTED_UNSIGNED_INSIDE;
        if (signAssertion) {
            Signatures.sign(assertion, signer, sha1);
        }
        Response response = response(context, acs, inResponseTo, issuer, a, now);
        Optional<X509Certificate> encryptTo = sp.encryptionCertificate();
        if (a == SamlAttack.ENCRYPTED_UNSIGNED_INSIDE && encryptTo.isEmpty()) {
            encryptTo = sp.signingCertificate();
        }
        if (encryptTo.isPresent() && a != SamlAttack.XML_SIGNATURE_WRAPPING && a != SamlAttack.COMMENT_IN_NAMEID) {
            response.getEncryptedAssertions().add(encrypt(assertion, encryptTo.get()));
        } else {
            response.getAssertions().add(assertion);
        }
        if (a == SamlAttack.TWO_ASSERTIONS) {
            Assertion second = assertion(context, sp, acs, inResponseTo, person, key, a, now, validFrom,
                    "_" + context.randomId(), issuer);
            Signatures.sign(second, signer, sha1);
            response.getAssertions().add(second);
        }
        boolean signResponse = a != SamlAttack.UNSIGNED_ASSERTION && a != SamlAttack.XML_SIGNATURE_WRAPPING;
        Element element = signResponse ? Signatures.sign(response, signer, sha1) : saml.marshall(response);
        if (a != null) {
            DomAttacks.apply(a, element);
        }
        return element;
    }

    /** A refusal: status Responder / AuthnFailed, signed, without assertion. */
    Element failure(FakeIdpContext context, String acs, String requestId, String message) {
        Instant now = context.clock().instant();
        Response response = response(context, acs, requestId, side.entityId(context), null, now);
        StatusCode sub = SamlRuntime.get().build(StatusCode.DEFAULT_ELEMENT_NAME);
        sub.setValue(StatusCode.AUTHN_FAILED);
        response.getStatus().getStatusCode().setValue(StatusCode.RESPONDER);
        response.getStatus().getStatusCode().setStatusCode(sub);
        StatusMessage text = SamlRuntime.get().build(StatusMessage.DEFAULT_ELEMENT_NAME);
        text.setValue(message);
        response.getStatus().setStatusMessage(text);
        return Signatures.sign(response, side.keys(context).current(), false);
    }

    private Response response(FakeIdpContext context, String acs, String inResponseTo, String issuer, SamlAttack a,
                              Instant now) {
        SamlRuntime saml = SamlRuntime.get();
        Response response = saml.build(Response.DEFAULT_ELEMENT_NAME);
        response.setID("_" + context.randomId());
        response.setVersion(SAMLVersion.VERSION_20);
        response.setIssueInstant(now);
        response.setDestination(a == SamlAttack.WRONG_DESTINATION ? "https://evil.example/acs" : acs);
        response.setInResponseTo(inResponseTo);
        if (a != SamlAttack.SIGNED_RESPONSE_WITHOUT_ISSUER) {
            response.setIssuer(issuer(issuer));
        }
        Status status = saml.build(Status.DEFAULT_ELEMENT_NAME);
        StatusCode code = saml.build(StatusCode.DEFAULT_ELEMENT_NAME);
        code.setValue(StatusCode.SUCCESS);
        status.setStatusCode(code);
        response.setStatus(status);
        return response;
    }

    private Assertion assertion(FakeIdpContext context, SamlServiceProvider sp, String acs, String inResponseTo,
                                Person person, DigitalKey key, SamlAttack a, Instant now, Instant validFrom, String id,
                                String issuer) {
        SamlRuntime saml = SamlRuntime.get();
        Instant notBefore = a == SamlAttack.NOT_YET_VALID ? validFrom.plus(Duration.ofHours(1)) : validFrom;
        Instant notOnOrAfter = a == SamlAttack.EXPIRED ? validFrom.minus(Duration.ofHours(1)) : validFrom.plus(LIFETIME);
        Assertion assertion = saml.build(Assertion.DEFAULT_ELEMENT_NAME);
        assertion.setID(id);
        assertion.setVersion(SAMLVersion.VERSION_20);
        assertion.setIssueInstant(a == SamlAttack.EXPIRED ? validFrom.minus(Duration.ofHours(1).plus(LIFETIME)) : now);
        assertion.setIssuer(issuer(issuer));
        Subject subject = saml.build(Subject.DEFAULT_ELEMENT_NAME);
        NameID nameId = saml.build(NameID.DEFAULT_ELEMENT_NAME);
        nameId.setFormat(NameIDType.TRANSIENT);
        nameId.setValue("_" + context.randomId());
        subject.setNameID(nameId);
        SubjectConfirmation confirmation = saml.build(SubjectConfirmation.DEFAULT_ELEMENT_NAME);
        confirmation.setMethod(SubjectConfirmation.METHOD_BEARER);
        SubjectConfirmationData data = saml.build(SubjectConfirmationData.DEFAULT_ELEMENT_NAME);
        data.setRecipient(a == SamlAttack.WRONG_RECIPIENT ? "https://evil.example/acs" : acs);
        data.setNotOnOrAfter(notOnOrAfter);
        if (a == SamlAttack.BEARER_CONFIRMATION_WITH_NOT_BEFORE) {
            data.setNotBefore(notBefore);
        }
        data.setInResponseTo(inResponseTo);
        confirmation.setSubjectConfirmationData(data);
        subject.getSubjectConfirmations().add(confirmation);
        assertion.setSubject(subject);
        Conditions conditions = saml.build(Conditions.DEFAULT_ELEMENT_NAME);
        conditions.setNotBefore(notBefore);
        conditions.setNotOnOrAfter(notOnOrAfter);
        AudienceRestriction restriction = saml.build(AudienceRestriction.DEFAULT_ELEMENT_NAME);
        Audience audience = saml.build(Audience.DEFAULT_ELEMENT_NAME);
        audience.setURI(a == SamlAttack.WRONG_AUDIENCE ? "https://another-sp.example" : sp.entityId());
        restriction.getAudiences().add(audience);
        conditions.getAudienceRestrictions().add(restriction);
        assertion.setConditions(conditions);
        AuthnStatement authn = saml.build(AuthnStatement.DEFAULT_ELEMENT_NAME);
        authn.setAuthnInstant(assertion.getIssueInstant());
        authn.setSessionIndex("_" + context.randomId());
        AuthnContext authnContext = saml.build(AuthnContext.DEFAULT_ELEMENT_NAME);
        AuthnContextClassRef ref = saml.build(AuthnContextClassRef.DEFAULT_ELEMENT_NAME);
        ref.setURI(side.classRef(key));
        authnContext.setAuthnContextClassRef(ref);
        authn.setAuthnContext(authnContext);
        assertion.getAuthnStatements().add(authn);
        assertion.getAttributeStatements().add(attributes(context, person, a == SamlAttack.SAME_ATTRIBUTE_TWICE));
        return assertion;
    }

    private AttributeStatement attributes(FakeIdpContext context, Person person, boolean twice) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        Map<String, String> names = side.attributes();
        person.nationalNumber().ifPresent(n -> values.put(names.get("nrn"), List.of(n.digits())));
        values.put(names.get("given"), List.of(person.givenName()));
        values.put(names.get("family"), List.of(person.familyName()));
        person.email().ifPresent(m -> values.put(names.get("mail"), List.of(m)));
        values.put(names.get("language"), List.of(person.language().code()));
        values.put(names.get("fedid"), List.of(person.fedid()));
        List<String> roles = new ArrayList<>(context.releasedRoles(person).stream().map(ReleasedClaims::formatRole).toList());
        if (!roles.isEmpty()) {
            values.put(names.get("roles"), roles);
        }
        List<String> mandates = context.releasedMandates(person).stream().map(ReleasedClaims::formatMandate).toList();
        if (!mandates.isEmpty()) {
            values.put(names.get("mandates"), mandates);
        }
        SamlRuntime saml = SamlRuntime.get();
        AttributeStatement statement = saml.build(AttributeStatement.DEFAULT_ELEMENT_NAME);
        values.forEach((name, list) -> {
            Attribute attribute = saml.build(Attribute.DEFAULT_ELEMENT_NAME);
            attribute.setName(name);
            attribute.setNameFormat(Attribute.URI_REFERENCE);
            for (String value : list) {
                // By the xs:string type name: by the AttributeValue element name OpenSAML builds the wrong type.
                XSString text = saml.build(AttributeValue.DEFAULT_ELEMENT_NAME, XSString.TYPE_NAME);
                text.setValue(value);
                attribute.getAttributeValues().add(text);
            }
            statement.getAttributes().add(attribute);
        });
        if (twice) {
            // A second Attribute element under the name of the first (the national number, when there is one).
            String name = statement.getAttributes().get(0).getName();
            Attribute again = saml.build(Attribute.DEFAULT_ELEMENT_NAME);
            again.setName(name);
            again.setNameFormat(Attribute.URI_REFERENCE);
            XSString text = saml.build(AttributeValue.DEFAULT_ELEMENT_NAME, XSString.TYPE_NAME);
            text.setValue(person.nationalNumber().isPresent() ? "93051822361" : "Other");
            again.getAttributeValues().add(text);
            statement.getAttributes().add(again);
        }
        return statement;
    }

    private static EncryptedAssertion encrypt(Assertion assertion, X509Certificate to) {
        DataEncryptionParameters data = new DataEncryptionParameters();
        data.setAlgorithm(EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES256_GCM);
        KeyEncryptionParameters key = new KeyEncryptionParameters();
        key.setEncryptionCredential(new BasicX509Credential(to));
        key.setAlgorithm(EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP);
        Encrypter encrypter = new Encrypter(data, key);
        encrypter.setKeyPlacement(Encrypter.KeyPlacement.INLINE);
        try {
            return encrypter.encrypt(assertion);
        } catch (EncryptionException e) {
            throw new IllegalStateException("cannot encrypt the assertion", e);
        }
    }

    private static Issuer issuer(String value) {
        Issuer issuer = SamlRuntime.get().build(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setValue(value);
        return issuer;
    }

    private static KeyMaterial attacker() {
        return ATTACKER.updateAndGet(k -> k != null ? k : TestKeys.fresh("attacker"));
    }
}
