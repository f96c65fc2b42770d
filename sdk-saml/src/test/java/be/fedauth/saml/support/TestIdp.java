package be.fedauth.saml.support;

import be.fedauth.saml.internal.OpenSaml;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.opensaml.core.xml.schema.XSString;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.*;
import org.opensaml.saml.saml2.encryption.Encrypter;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.IDPSSODescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.saml.saml2.metadata.SingleLogoutService;
import org.opensaml.saml.saml2.metadata.SingleSignOnService;
import org.opensaml.security.credential.UsageType;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.encryption.support.DataEncryptionParameters;
import org.opensaml.xmlsec.encryption.support.KeyEncryptionParameters;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;
import org.opensaml.xmlsec.signature.KeyInfo;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.Signer;
import org.opensaml.saml.common.SAMLObjectContentReference;
import org.w3c.dom.Element;

/** A hand-made identity provider for tests: metadata and responses built with OpenSAML and the test's own keys. */
public final class TestIdp {
    public static final String ENTITY_ID = "https://idp.test.example/fas";
    public static final String SSO = "https://idp.test.example/fas/SSORedirect/metaAlias/idp";
    public static final String SLO = "https://idp.test.example/fas/SLO/metaAlias/idp";

    private TestIdp() {
    }

    /** Metadata listing these signing certificates, signed by {@code metadataSigner} (or unsigned when null). */
    public static String metadata(String entityId, List<X509Certificate> signing, TestCredentials metadataSigner) {
        return metadata(entityId, signing, metadataSigner, null, false, null, null);
    }

    /**
     * Metadata with freshness: {@code validUntil} on the entity; when {@code grouped}, the entity inside
     * an EntitiesDescriptor with {@code groupValidUntil} and {@code groupCacheDuration} (each null: none),
     * the group signed instead of the entity.
     */
    public static String metadata(String entityId, List<X509Certificate> signing, TestCredentials metadataSigner,
                                  Instant validUntil, boolean grouped, Instant groupValidUntil,
                                  java.time.Duration groupCacheDuration) {
        EntityDescriptor entity = entity(entityId, signing);
        entity.setValidUntil(validUntil);
        OpenSaml saml = OpenSaml.get();
        if (!grouped) {
            Element element = metadataSigner == null ? saml.marshall(entity)
                    : sign(entity, metadataSigner, SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256,
                    SignatureConstants.ALGO_ID_DIGEST_SHA256);
            return new String(OpenSaml.serialize(element), StandardCharsets.UTF_8);
        }
        org.opensaml.saml.saml2.metadata.EntitiesDescriptor group =
                saml.build(org.opensaml.saml.saml2.metadata.EntitiesDescriptor.DEFAULT_ELEMENT_NAME);
        group.setID("_g" + Long.toHexString(System.nanoTime()));
        group.setValidUntil(groupValidUntil);
        group.setCacheDuration(groupCacheDuration);
        group.getEntityDescriptors().add(entity);
        Element element = metadataSigner == null ? saml.marshall(group)
                : sign(group, metadataSigner, SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256,
                SignatureConstants.ALGO_ID_DIGEST_SHA256);
        return new String(OpenSaml.serialize(element), StandardCharsets.UTF_8);
    }

    private static EntityDescriptor entity(String entityId, List<X509Certificate> signing) {
        OpenSaml saml = OpenSaml.get();
        EntityDescriptor entity = saml.build(EntityDescriptor.DEFAULT_ELEMENT_NAME);
        entity.setEntityID(entityId);
        entity.setID("_md" + Long.toHexString(System.nanoTime()));
        IDPSSODescriptor idp = saml.build(IDPSSODescriptor.DEFAULT_ELEMENT_NAME);
        idp.addSupportedProtocol(SAMLConstants.SAML20P_NS);
        for (X509Certificate certificate : signing) {
            KeyDescriptor descriptor = saml.build(KeyDescriptor.DEFAULT_ELEMENT_NAME);
            descriptor.setUse(UsageType.SIGNING);
            descriptor.setKeyInfo(keyInfo(certificate));
            idp.getKeyDescriptors().add(descriptor);
        }
        SingleLogoutService slo = saml.build(SingleLogoutService.DEFAULT_ELEMENT_NAME);
        slo.setBinding(SAMLConstants.SAML2_REDIRECT_BINDING_URI);
        slo.setLocation(SLO);
        idp.getSingleLogoutServices().add(slo);
        for (String binding : List.of(SAMLConstants.SAML2_REDIRECT_BINDING_URI, SAMLConstants.SAML2_POST_BINDING_URI)) {
            SingleSignOnService sso = saml.build(SingleSignOnService.DEFAULT_ELEMENT_NAME);
            sso.setBinding(binding);
            sso.setLocation(SSO);
            idp.getSingleSignOnServices().add(sso);
        }
        entity.getRoleDescriptors().add(idp);
        return entity;
    }

    /** The response as a DOM element. */
    public static Element responseElement(ResponseSpec spec, X509Certificate encryptTo) {
        OpenSaml saml = OpenSaml.get();
        Response response = saml.build(Response.DEFAULT_ELEMENT_NAME);
        response.setID("_r" + Long.toHexString(System.nanoTime()));
        response.setVersion(SAMLVersion.VERSION_20);
        response.setIssueInstant(spec.issueInstant);
        response.setDestination(spec.destination);
        response.setInResponseTo(spec.inResponseTo);
        if (spec.issuer != null) {
            response.setIssuer(issuer(spec.issuer));
        }
        Status status = saml.build(Status.DEFAULT_ELEMENT_NAME);
        StatusCode code = saml.build(StatusCode.DEFAULT_ELEMENT_NAME);
        code.setValue(spec.statusCode);
        if (spec.subStatusCode != null) {
            StatusCode sub = saml.build(StatusCode.DEFAULT_ELEMENT_NAME);
            sub.setValue(spec.subStatusCode);
            code.setStatusCode(sub);
        }
        status.setStatusCode(code);
        response.setStatus(status);
        for (int i = 0; i < spec.assertions; i++) {
            Assertion assertion = assertion(spec, i == 0 ? spec.assertionId : spec.assertionId + "x" + i);
            if (spec.signAssertion) {
                sign(assertion, spec.signingKey, spec.signatureAlgorithm, spec.digestAlgorithm);
            }
            if (spec.afterSigning != null) {
                spec.afterSigning.accept(assertion.getDOM() != null ? assertion.getDOM() : saml.marshall(assertion));
            }
            if (spec.encrypt) {
                response.getEncryptedAssertions().add(encrypt(assertion, encryptTo, spec.dataEncryptionAlgorithm,
                        spec.keyTransportAlgorithm));
            } else {
                response.getAssertions().add(assertion);
            }
        }
        if (spec.signResponse) {
            return sign(response, spec.signingKey, spec.signatureAlgorithm, spec.digestAlgorithm);
        }
        return saml.marshall(response);
    }

    /** The response, base64 as in the SAMLResponse form field. */
    public static String response(ResponseSpec spec, X509Certificate encryptTo) {
        return encode(OpenSaml.serialize(responseElement(spec, encryptTo)));
    }

    public static String encode(byte[] xml) {
        return Base64.getEncoder().encodeToString(xml);
    }

    private static Assertion assertion(ResponseSpec spec, String id) {
        OpenSaml saml = OpenSaml.get();
        Assertion assertion = saml.build(Assertion.DEFAULT_ELEMENT_NAME);
        assertion.setID(id);
        assertion.setVersion(SAMLVersion.VERSION_20);
        assertion.setIssueInstant(spec.assertionIssueInstant != null ? spec.assertionIssueInstant : spec.issueInstant);
        if (spec.assertionIssuer != null) {
            assertion.setIssuer(issuer(spec.assertionIssuer));
        }
        Subject subject = saml.build(Subject.DEFAULT_ELEMENT_NAME);
        NameID nameId = saml.build(NameID.DEFAULT_ELEMENT_NAME);
        nameId.setFormat(NameIDType.TRANSIENT);
        nameId.setValue(spec.nameId);
        subject.setNameID(nameId);
        SubjectConfirmation confirmation = saml.build(SubjectConfirmation.DEFAULT_ELEMENT_NAME);
        confirmation.setMethod(SubjectConfirmation.METHOD_BEARER);
        SubjectConfirmationData data = saml.build(SubjectConfirmationData.DEFAULT_ELEMENT_NAME);
        data.setRecipient(spec.recipient);
        data.setNotOnOrAfter(spec.confirmationNotOnOrAfter);
        data.setNotBefore(spec.confirmationNotBefore);
        data.setInResponseTo(spec.confirmationInResponseTo);
        confirmation.setSubjectConfirmationData(data);
        subject.getSubjectConfirmations().add(confirmation);
        assertion.setSubject(subject);
        Conditions conditions = saml.build(Conditions.DEFAULT_ELEMENT_NAME);
        conditions.setNotBefore(spec.notBefore);
        conditions.setNotOnOrAfter(spec.notOnOrAfter);
        if (!spec.audiences.isEmpty()) {
            AudienceRestriction restriction = saml.build(AudienceRestriction.DEFAULT_ELEMENT_NAME);
            for (String value : spec.audiences) {
                Audience audience = saml.build(Audience.DEFAULT_ELEMENT_NAME);
                audience.setURI(value);
                restriction.getAudiences().add(audience);
            }
            conditions.getAudienceRestrictions().add(restriction);
        }
        if (!spec.secondRestriction.isEmpty()) {
            AudienceRestriction second = saml.build(AudienceRestriction.DEFAULT_ELEMENT_NAME);
            for (String value : spec.secondRestriction) {
                Audience audience = saml.build(Audience.DEFAULT_ELEMENT_NAME);
                audience.setURI(value);
                second.getAudiences().add(audience);
            }
            conditions.getAudienceRestrictions().add(second);
        }
        assertion.setConditions(conditions);
        AuthnStatement authn = saml.build(AuthnStatement.DEFAULT_ELEMENT_NAME);
        authn.setAuthnInstant(spec.issueInstant);
        authn.setSessionIndex(spec.sessionIndex);
        authn.setSessionNotOnOrAfter(spec.sessionNotOnOrAfter);
        AuthnContext context = saml.build(AuthnContext.DEFAULT_ELEMENT_NAME);
        if (spec.classRef != null) {
            AuthnContextClassRef ref = saml.build(AuthnContextClassRef.DEFAULT_ELEMENT_NAME);
            ref.setURI(spec.classRef);
            context.setAuthnContextClassRef(ref);
        } else {
            // The schema wants one of ClassRef, Decl, DeclRef: a declaration by reference states no class.
            AuthnContextDeclRef ref = saml.build(AuthnContextDeclRef.DEFAULT_ELEMENT_NAME);
            ref.setURI("urn:example:authn-context-declaration");
            context.setAuthnContextDeclRef(ref);
        }
        authn.setAuthnContext(context);
        assertion.getAuthnStatements().add(authn);
        AttributeStatement statement = saml.build(AttributeStatement.DEFAULT_ELEMENT_NAME);
        List<Map.Entry<String, List<String>>> all = new java.util.ArrayList<>(spec.attributes.entrySet());
        all.addAll(spec.extraAttributes);
        for (Map.Entry<String, List<String>> entry : all) {
            Attribute attribute = saml.build(Attribute.DEFAULT_ELEMENT_NAME);
            attribute.setName(entry.getKey());
            attribute.setFriendlyName(spec.friendlyNames.get(entry.getKey()));
            attribute.setNameFormat(Attribute.BASIC);
            for (String value : entry.getValue()) {
                XSString text = saml.build(AttributeValue.DEFAULT_ELEMENT_NAME, XSString.TYPE_NAME);
                text.setValue(value);
                attribute.getAttributeValues().add(text);
            }
            statement.getAttributes().add(attribute);
        }
        assertion.getAttributeStatements().add(statement);
        return assertion;
    }

    /** Signs with an enveloped signature, with the given algorithms; KeyInfo carries the certificate. */
    public static Element sign(SignableSAMLObject object, TestCredentials key, String algorithm, String digest) {
        OpenSaml saml = OpenSaml.get();
        Signature signature = saml.build(Signature.DEFAULT_ELEMENT_NAME);
        signature.setSigningCredential(new BasicX509Credential(key.certificate(), key.keyPair().getPrivate()));
        signature.setSignatureAlgorithm(algorithm);
        signature.setCanonicalizationAlgorithm(SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
        signature.setKeyInfo(keyInfo(key.certificate()));
        object.setSignature(signature);
        ((SAMLObjectContentReference) signature.getContentReferences().get(0)).setDigestAlgorithm(digest);
        Element element = saml.marshall(object);
        try {
            Signer.signObject(signature);
        } catch (org.opensaml.xmlsec.signature.support.SignatureException e) {
            throw new IllegalStateException(e);
        }
        return element;
    }

    private static EncryptedAssertion encrypt(Assertion assertion, X509Certificate to, String dataAlgorithm,
                                              String keyAlgorithm) {
        DataEncryptionParameters data = new DataEncryptionParameters();
        data.setAlgorithm(dataAlgorithm);
        KeyEncryptionParameters key = new KeyEncryptionParameters();
        key.setEncryptionCredential(new BasicX509Credential(to));
        key.setAlgorithm(keyAlgorithm);
        Encrypter encrypter = new Encrypter(data, key);
        encrypter.setKeyPlacement(Encrypter.KeyPlacement.INLINE);
        try {
            return encrypter.encrypt(assertion);
        } catch (org.opensaml.xmlsec.encryption.support.EncryptionException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyInfo keyInfo(X509Certificate certificate) {
        KeyInfo keyInfo = OpenSaml.get().build(KeyInfo.DEFAULT_ELEMENT_NAME);
        try {
            KeyInfoSupport.addCertificate(keyInfo, certificate);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        return keyInfo;
    }

    private static Issuer issuer(String value) {
        Issuer issuer = OpenSaml.get().build(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setValue(value);
        return issuer;
    }

}
