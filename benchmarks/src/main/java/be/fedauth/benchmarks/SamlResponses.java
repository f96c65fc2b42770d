package be.fedauth.benchmarks;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import javax.xml.namespace.QName;
import net.shibboleth.utilities.java.support.xml.BasicParserPool;
import net.shibboleth.utilities.java.support.xml.SerializeSupport;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.opensaml.core.config.InitializationService;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.core.xml.io.Unmarshaller;
import org.opensaml.core.xml.schema.XSString;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AttributeStatement;
import org.opensaml.saml.saml2.core.AttributeValue;
import org.opensaml.saml.saml2.core.Audience;
import org.opensaml.saml.saml2.core.AudienceRestriction;
import org.opensaml.saml.saml2.core.AuthnContext;
import org.opensaml.saml.saml2.core.AuthnContextClassRef;
import org.opensaml.saml.saml2.core.AuthnStatement;
import org.opensaml.saml.saml2.core.Conditions;
import org.opensaml.saml.saml2.core.EncryptedAssertion;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.core.Subject;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;
import org.opensaml.saml.saml2.encryption.Encrypter;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.IDPSSODescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.saml.saml2.metadata.SingleSignOnService;
import org.opensaml.security.credential.UsageType;
import org.opensaml.security.credential.BasicCredential;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.encryption.support.DataEncryptionParameters;
import org.opensaml.xmlsec.encryption.support.EncryptionConstants;
import org.opensaml.xmlsec.encryption.support.KeyEncryptionParameters;
import org.opensaml.xmlsec.keyinfo.impl.X509KeyInfoGeneratorFactory;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.Signer;
import org.w3c.dom.Element;

/**
 * SAML responses shaped like BOSA FAS's (fas-reference.md), minted with OpenSAML: a Response to the
 * ACS with one assertion signed by the IdP (RSA-SHA256, exclusive C14N, the certificate in KeyInfo),
 * a transient NameID, bearer confirmation, audience restriction, the FAS level as
 * AuthnContextClassRef and the FAS attributes (padded with more attributes up to the count asked).
 * The encrypted variant carries the same signed assertion encrypted for the SP (AES-256-GCM,
 * RSA-OAEP).
 */
final class SamlResponses {
    static final String IDP_ENTITY_ID = "https://idp.iamfas.int.belgium.be/fas";
    static final String SP_ENTITY_ID = "https://portal.example.be/saml";
    static final String ACS = "https://portal.example.be/saml/acs";
    static final String REQUEST_ID = "_a1b2c3d4e5f60718293a4b5c6d7e8f90";
    static final String NRN = "85073003328";
    static final String FEDID = "0f2e4d6c8b0a1f3e5d7c9b1a3f5e7d9c1b3a5f7e";

    private static volatile boolean initialized;

    final BasicX509Credential idp;
    final BasicX509Credential sp;
    final String signedXml;
    final String encryptedXml;
    final String idpMetadataXml;

    private SamlResponses(BasicX509Credential idp, BasicX509Credential sp, String signedXml, String encryptedXml,
                          String idpMetadataXml) {
        this.idp = idp;
        this.sp = sp;
        this.signedXml = signedXml;
        this.encryptedXml = encryptedXml;
        this.idpMetadataXml = idpMetadataXml;
    }

    /** The POST parameter value of the signed response. */
    String signedParameter() {
        return Base64.getEncoder().encodeToString(signedXml.getBytes(StandardCharsets.UTF_8));
    }

    /** The POST parameter value of the encrypted response. */
    String encryptedParameter() {
        return Base64.getEncoder().encodeToString(encryptedXml.getBytes(StandardCharsets.UTF_8));
    }

    static synchronized void initialize() {
        if (!initialized) {
            try {
                InitializationService.initialize();
            } catch (Exception e) {
                throw new IllegalStateException("OpenSAML cannot start", e);
            }
            initialized = true;
        }
    }

    static SamlResponses mint(int attributes) throws Exception {
        initialize();
        BasicX509Credential idp = credential("CN=FAS signing, O=FPS BOSA, C=BE");
        BasicX509Credential sp = credential("CN=portal.example.be, O=Customs, C=BE");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        Assertion signed = assertion(now, attributes);
        sign(signed, idp);
        String signedXml = serialize(response(now, signed, null));

        // Re-read the signed assertion so that the encrypted copy carries exactly the signed bytes.
        Assertion again = (Assertion) unmarshal(serialize(signed));
        DataEncryptionParameters data = new DataEncryptionParameters();
        data.setAlgorithm(EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES256_GCM);
        KeyEncryptionParameters kek = new KeyEncryptionParameters();
        kek.setAlgorithm(EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP);
        kek.setEncryptionCredential(new BasicCredential(sp.getPublicKey()));
        kek.setRecipient(SP_ENTITY_ID);
        Encrypter encrypter = new Encrypter(data, kek);
        encrypter.setKeyPlacement(Encrypter.KeyPlacement.INLINE);
        EncryptedAssertion encrypted = encrypter.encrypt(again);
        String encryptedXml = serialize(response(now, null, encrypted));
        return new SamlResponses(idp, sp, signedXml, encryptedXml, metadata(idp));
    }

    /** The IdP's metadata (unsigned): entity id, signing certificate, SSO endpoint. */
    private static String metadata(BasicX509Credential idp) throws Exception {
        EntityDescriptor entity = build(EntityDescriptor.DEFAULT_ELEMENT_NAME);
        entity.setEntityID(IDP_ENTITY_ID);
        IDPSSODescriptor descriptor = build(IDPSSODescriptor.DEFAULT_ELEMENT_NAME);
        descriptor.addSupportedProtocol(SAMLConstants.SAML20P_NS);
        KeyDescriptor key = build(KeyDescriptor.DEFAULT_ELEMENT_NAME);
        key.setUse(UsageType.SIGNING);
        X509KeyInfoGeneratorFactory keyInfo = new X509KeyInfoGeneratorFactory();
        keyInfo.setEmitEntityCertificate(true);
        key.setKeyInfo(keyInfo.newInstance().generate(idp));
        descriptor.getKeyDescriptors().add(key);
        SingleSignOnService sso = build(SingleSignOnService.DEFAULT_ELEMENT_NAME);
        sso.setBinding(SAMLConstants.SAML2_REDIRECT_BINDING_URI);
        sso.setLocation("https://idp.iamfas.int.belgium.be/fas/SSORedirect/metaAlias/idp");
        descriptor.getSingleSignOnServices().add(sso);
        entity.getRoleDescriptors().add(descriptor);
        return serialize(entity);
    }

    private static Response response(Instant now, Assertion assertion, EncryptedAssertion encrypted) {
        Response r = build(Response.DEFAULT_ELEMENT_NAME);
        r.setID("_" + UUID.randomUUID().toString().replace("-", ""));
        r.setVersion(SAMLVersion.VERSION_20);
        r.setIssueInstant(now);
        r.setDestination(ACS);
        r.setInResponseTo(REQUEST_ID);
        r.setIssuer(issuer());
        Status status = build(Status.DEFAULT_ELEMENT_NAME);
        StatusCode code = build(StatusCode.DEFAULT_ELEMENT_NAME);
        code.setValue(StatusCode.SUCCESS);
        status.setStatusCode(code);
        r.setStatus(status);
        if (assertion != null) {
            r.getAssertions().add(assertion);
        }
        if (encrypted != null) {
            r.getEncryptedAssertions().add(encrypted);
        }
        return r;
    }

    private static Assertion assertion(Instant now, int attributes) {
        Assertion a = build(Assertion.DEFAULT_ELEMENT_NAME);
        a.setID("_" + UUID.randomUUID().toString().replace("-", ""));
        a.setVersion(SAMLVersion.VERSION_20);
        a.setIssueInstant(now);
        a.setIssuer(issuer());

        Subject subject = build(Subject.DEFAULT_ELEMENT_NAME);
        NameID nameId = build(NameID.DEFAULT_ELEMENT_NAME);
        nameId.setFormat(NameID.TRANSIENT);
        nameId.setNameQualifier(IDP_ENTITY_ID);
        nameId.setSPNameQualifier(SP_ENTITY_ID);
        nameId.setValue("_" + UUID.randomUUID().toString().replace("-", ""));
        subject.setNameID(nameId);
        SubjectConfirmation confirmation = build(SubjectConfirmation.DEFAULT_ELEMENT_NAME);
        confirmation.setMethod(SubjectConfirmation.METHOD_BEARER);
        SubjectConfirmationData data = build(SubjectConfirmationData.DEFAULT_ELEMENT_NAME);
        data.setNotOnOrAfter(now.plusSeconds(3600));
        data.setRecipient(ACS);
        data.setInResponseTo(REQUEST_ID);
        confirmation.setSubjectConfirmationData(data);
        subject.getSubjectConfirmations().add(confirmation);
        a.setSubject(subject);

        Conditions conditions = build(Conditions.DEFAULT_ELEMENT_NAME);
        conditions.setNotBefore(now.minusSeconds(30));
        conditions.setNotOnOrAfter(now.plusSeconds(3600));
        AudienceRestriction restriction = build(AudienceRestriction.DEFAULT_ELEMENT_NAME);
        Audience audience = build(Audience.DEFAULT_ELEMENT_NAME);
        audience.setURI(SP_ENTITY_ID);
        restriction.getAudiences().add(audience);
        conditions.getAudienceRestrictions().add(restriction);
        a.setConditions(conditions);

        AuthnStatement authn = build(AuthnStatement.DEFAULT_ELEMENT_NAME);
        authn.setAuthnInstant(now);
        authn.setSessionIndex("_" + UUID.randomUUID().toString().replace("-", ""));
        AuthnContext context = build(AuthnContext.DEFAULT_ELEMENT_NAME);
        AuthnContextClassRef ref = build(AuthnContextClassRef.DEFAULT_ELEMENT_NAME);
        ref.setURI("urn:be:fedict:iam:fas:citizen:Level450");
        context.setAuthnContextClassRef(ref);
        authn.setAuthnContext(context);
        a.getAuthnStatements().add(authn);

        AttributeStatement statement = build(AttributeStatement.DEFAULT_ELEMENT_NAME);
        String[][] fas = {
            {"egovNRN", NRN},
            {"givenName", "Marie"},
            {"surname", "Dupont"},
            {"mail", "marie.dupont@example.be"},
            {"PrefLanguage", "fr"},
            {"uid", "marie.dupont"},
            {"urn:be:fedict:iam:attr:fedid", FEDID},
            {"urn:be:fedict:iam:attr:locale", "fr"},
            {"urn:be:fedict:iam:attr:authenticationmethod", "urn:be:fedict:iam:fas:citizen:eid"},
            {"urn:be:fedict:iam:attr:context", "citizen"},
        };
        for (int i = 0; i < attributes; i++) {
            String[] nv = i < fas.length ? fas[i] : new String[] {"urn:be:fedict:iam:attr:extra" + i, "value " + i};
            statement.getAttributes().add(attribute(nv[0], nv[1]));
        }
        a.getAttributeStatements().add(statement);
        return a;
    }

    private static Attribute attribute(String name, String value) {
        Attribute attribute = build(Attribute.DEFAULT_ELEMENT_NAME);
        attribute.setName(name);
        attribute.setNameFormat(Attribute.URI_REFERENCE);
        // By XSString.TYPE_NAME, not the AttributeValue element name (dependency-notes.md).
        XSString v = (XSString) XMLObjectProviderRegistrySupport.getBuilderFactory().getBuilder(XSString.TYPE_NAME)
                .buildObject(AttributeValue.DEFAULT_ELEMENT_NAME, XSString.TYPE_NAME);
        v.setValue(value);
        attribute.getAttributeValues().add(v);
        return attribute;
    }

    private static Issuer issuer() {
        Issuer issuer = build(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setValue(IDP_ENTITY_ID);
        return issuer;
    }

    private static void sign(Assertion assertion, BasicX509Credential credential) throws Exception {
        Signature signature = build(Signature.DEFAULT_ELEMENT_NAME);
        signature.setSigningCredential(credential);
        signature.setSignatureAlgorithm(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256);
        signature.setCanonicalizationAlgorithm(SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
        X509KeyInfoGeneratorFactory keyInfo = new X509KeyInfoGeneratorFactory();
        keyInfo.setEmitEntityCertificate(true);
        signature.setKeyInfo(keyInfo.newInstance().generate(credential));
        assertion.setSignature(signature);
        XMLObjectProviderRegistrySupport.getMarshallerFactory().getMarshaller(assertion).marshall(assertion);
        Signer.signObject(signature);
    }

    static String serialize(XMLObject object) throws Exception {
        Element element = object.getDOM() != null ? object.getDOM()
                : XMLObjectProviderRegistrySupport.getMarshallerFactory().getMarshaller(object).marshall(object);
        return SerializeSupport.nodeToString(element);
    }

    static XMLObject unmarshal(String xml) throws Exception {
        BasicParserPool pool = parserPool();
        Element root = pool.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        Unmarshaller u = XMLObjectProviderRegistrySupport.getUnmarshallerFactory().getUnmarshaller(root);
        return u.unmarshall(root);
    }

    /** A hardened parser pool, as a service provider would use (no DTD, namespace-aware). */
    static BasicParserPool parserPool() {
        BasicParserPool pool = new BasicParserPool();
        pool.setMaxPoolSize(8);
        try {
            pool.initialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return pool;
    }

    @SuppressWarnings("unchecked")
    static <T> T build(QName name) {
        return (T) XMLObjectProviderRegistrySupport.getBuilderFactory().getBuilder(name).buildObject(name);
    }

    static BasicX509Credential credential(String dn) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Instant now = Instant.now();
        X500Name name = new X500Name(dn);
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minusSeconds(3600)),
                Date.from(now.plus(365, ChronoUnit.DAYS)), name, pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
        BasicX509Credential credential = new BasicX509Credential(cert, pair.getPrivate());
        credential.setEntityId(dn);
        return credential;
    }
}
