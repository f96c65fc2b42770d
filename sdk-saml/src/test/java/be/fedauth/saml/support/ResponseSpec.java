package be.fedauth.saml.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opensaml.xmlsec.signature.support.SignatureConstants;

/** What {@link TestIdp} puts in a response; every field starts as a genuine FAS login and is changed per test. */
public final class ResponseSpec {
    public String issuer;
    public String assertionIssuer;
    public String destination;
    public String recipient;
    public List<String> audiences = new ArrayList<>();
    /** A second AudienceRestriction, when not empty (each restriction must name the SP). */
    public List<String> secondRestriction = new ArrayList<>();
    public String inResponseTo;
    public String confirmationInResponseTo;
    public Instant issueInstant;
    /** The assertion's IssueInstant when it differs from the Response's (null: the same). */
    public Instant assertionIssueInstant;
    /** A NotBefore on the bearer SubjectConfirmationData (null: none, as SAML Profiles 4.1.4.2 wants). */
    public Instant confirmationNotBefore;
    /** The AuthnStatement's SessionNotOnOrAfter (null: none). */
    public Instant sessionNotOnOrAfter;
    public Instant notBefore;
    public Instant notOnOrAfter;
    public Instant confirmationNotOnOrAfter;
    public String assertionId;
    public String nameId = "_transient-1234";
    public String sessionIndex = "s-1";
    /** The AuthnContextClassRef (null: none, the AuthnContext holds an AuthnContextDeclRef). */
    public String classRef = "urn:be:fedict:iam:fas:citizen:eid";
    public Map<String, List<String>> attributes = new LinkedHashMap<>();
    /** The FriendlyName of an attribute, by its Name (none when absent). */
    public Map<String, String> friendlyNames = new LinkedHashMap<>();
    /** More Attribute elements after {@link #attributes}, whose names may repeat theirs. */
    public List<Map.Entry<String, List<String>>> extraAttributes = new ArrayList<>();
    public String statusCode = "urn:oasis:names:tc:SAML:2.0:status:Success";
    public String subStatusCode;
    public boolean signResponse = true;
    public boolean signAssertion = true;
    public boolean encrypt;
    public int assertions = 1;
    public TestCredentials signingKey;
    public String signatureAlgorithm = SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256;
    public String digestAlgorithm = SignatureConstants.ALGO_ID_DIGEST_SHA256;
    public String dataEncryptionAlgorithm = "http://www.w3.org/2009/xmlenc11#aes256-gcm";
    public String keyTransportAlgorithm = "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p";
    /** Changes the assertion's DOM after signing and before encryption (null: none). */
    public java.util.function.Consumer<org.w3c.dom.Element> afterSigning;

    /** A genuine response for a request, valid at {@code now}. */
    public static ResponseSpec genuine(String idpEntityId, String spEntityId, String acs, String requestId, Instant now,
                                       TestCredentials signingKey) {
        ResponseSpec spec = new ResponseSpec();
        spec.issuer = idpEntityId;
        spec.assertionIssuer = idpEntityId;
        spec.destination = acs;
        spec.recipient = acs;
        spec.audiences.add(spEntityId);
        spec.inResponseTo = requestId;
        spec.confirmationInResponseTo = requestId;
        spec.issueInstant = now;
        spec.notBefore = now.minusSeconds(5);
        spec.notOnOrAfter = now.plus(Duration.ofMinutes(5));
        spec.confirmationNotOnOrAfter = now.plus(Duration.ofMinutes(5));
        spec.assertionId = "_a" + Long.toHexString(System.nanoTime());
        spec.signingKey = signingKey;
        spec.attributes.put("egovNRN", List.of("85073003328"));
        spec.attributes.put("givenName", List.of("Marie"));
        spec.attributes.put("surname", List.of("Dupont"));
        spec.attributes.put("mail", List.of("marie.dupont@example.be"));
        spec.attributes.put("PrefLanguage", List.of("nl"));
        spec.attributes.put("urn:be:fedict:iam:attr:fedid", List.of("0123456789abcdef0123456789abcdef01234567"));
        return spec;
    }
}
