package be.fedauth.benchmarks;

import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import net.shibboleth.utilities.java.support.xml.BasicParserPool;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.encryption.Decrypter;
import org.opensaml.security.credential.Credential;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.encryption.support.InlineEncryptedKeyResolver;
import org.opensaml.xmlsec.keyinfo.impl.StaticKeyInfoCredentialResolver;
import org.opensaml.xmlsec.signature.support.SignatureValidator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import org.opensaml.saml.common.xml.SAMLSchemaBuilder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * SAML response validation on FAS-shaped POSTs: fedauth's {@code finishLogin} against the floor,
 * OpenSAML decoding, parsing and unmarshalling the same response and verifying the assertion's
 * signature (after decrypting it, for the encrypted one) with nothing else.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SamlValidationBenchmark {
    @Param({"10", "100"})
    public int attributes;

    private SamlResponses responses;
    private String signedParameter;
    private String encryptedParameter;
    private BasicParserPool pool;
    private Credential idpCredential;
    private StaticKeyInfoCredentialResolver spDecryption;
    private FedauthSaml fedauth;
    private Schema schema;

    @Setup
    public void setUp() throws Exception {
        responses = SamlResponses.mint(attributes);
        signedParameter = responses.signedParameter();
        encryptedParameter = responses.encryptedParameter();
        pool = SamlResponses.parserPool();
        idpCredential = new BasicX509Credential(responses.idp.getEntityCertificate());
        spDecryption = new StaticKeyInfoCredentialResolver(responses.sp);
        fedauth = new FedauthSaml(responses);
        schema = new SAMLSchemaBuilder(SAMLSchemaBuilder.SAML1Version.SAML_11).getSAMLSchema();
        floorSigned();
        floorEncrypted();
        fedauthSigned();
        fedauthEncrypted();
        floorSignedWithSchema();
    }

    /** fedauth's finishLogin on the signed response. */
    @Benchmark
    public Object fedauthSigned() {
        return fedauth.finishSigned();
    }

    /** fedauth's finishLogin on the encrypted response. */
    @Benchmark
    public Object fedauthEncrypted() {
        return fedauth.finishEncrypted();
    }

    /** Size of the signed response XML, for the report's notes. */
    public static int signedSize(int attributes) throws Exception {
        return SamlResponses.mint(attributes).signedXml.length();
    }

    /** The floor: base64-decode, parse, unmarshal, verify the assertion signature. */
    @Benchmark
    public Assertion floorSigned() throws Exception {
        Response response = parse(signedParameter);
        Assertion assertion = response.getAssertions().get(0);
        SignatureValidator.validate(assertion.getSignature(), idpCredential);
        return assertion;
    }

    /**
     * Diagnostic: the floor plus validating the parsed tree against the SAML 2.0 schemas (as sdk-saml
     * does, with a new {@link javax.xml.validation.Validator} over the DOM).
     */
    @Benchmark
    public Assertion floorSignedWithSchema() throws Exception {
        byte[] xml = Base64.getMimeDecoder().decode(signedParameter);
        Document document = pool.parse(new ByteArrayInputStream(xml));
        schema.newValidator().validate(new DOMSource(document));
        Element root = document.getDocumentElement();
        Response response = (Response) XMLObjectProviderRegistrySupport.getUnmarshallerFactory().getUnmarshaller(root)
                .unmarshall(root);
        Assertion assertion = response.getAssertions().get(0);
        SignatureValidator.validate(assertion.getSignature(), idpCredential);
        return assertion;
    }

    /** The floor, encrypted: base64-decode, parse, unmarshal, decrypt, verify the assertion signature. */
    @Benchmark
    public Assertion floorEncrypted() throws Exception {
        Response response = parse(encryptedParameter);
        Decrypter decrypter = new Decrypter(null, spDecryption, new InlineEncryptedKeyResolver());
        decrypter.setRootInNewDocument(true);
        Assertion assertion = decrypter.decrypt(response.getEncryptedAssertions().get(0));
        SignatureValidator.validate(assertion.getSignature(), idpCredential);
        return assertion;
    }

    private Response parse(String parameter) throws Exception {
        byte[] xml = Base64.getMimeDecoder().decode(parameter);
        Element root = pool.parse(new ByteArrayInputStream(xml)).getDocumentElement();
        return (Response) XMLObjectProviderRegistrySupport.getUnmarshallerFactory().getUnmarshaller(root).unmarshall(root);
    }
}
