package be.fedauth.saml.internal;

import be.fedauth.core.AuthenticationException;
import be.fedauth.core.ConfigurationException;
import be.fedauth.core.ErrorCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.Validator;
import net.shibboleth.utilities.java.support.component.ComponentInitializationException;
import net.shibboleth.utilities.java.support.xml.BasicParserPool;
import net.shibboleth.utilities.java.support.xml.XMLParserException;
import org.opensaml.core.config.InitializationException;
import org.opensaml.core.config.InitializationService;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.core.xml.io.MarshallingException;
import org.opensaml.core.xml.io.Unmarshaller;
import org.opensaml.core.xml.io.UnmarshallingException;
import org.opensaml.saml.common.xml.SAMLSchemaBuilder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The one seam to OpenSAML: initialisation (once, lazily, thread-safely: it costs about a second),
 * the hardened schema-validating parser pool, builders, marshalling and unmarshalling. Every other
 * class of this module that touches OpenSAML goes through here for those, so a move to OpenSAML 5
 * touches this package only.
 */
public final class OpenSaml {
    /** Deepest element nesting accepted: SAML messages and metadata need about 12 levels. */
    public static final int MAX_DEPTH = 64;
    /**
     * The JDK parser's element depth limit ({@code jdk.xml.maxElementDepth}), set on every parser of the
     * pool: the parser itself stops at the limit, before any recursive DOM code runs. This matters for the
     * plaintext of an encrypted assertion, which OpenSAML's decrypter parses and then re-homes into the
     * response's document recursively ({@code adoptNode}) before fedauth sees it.
     */
    static final String MAX_ELEMENT_DEPTH_PROPERTY = "http://www.oracle.com/xml/jaxp/properties/maxElementDepth";

    private final BasicParserPool parserPool;
    private final Schema schema;
    /** Validators are not thread-safe but reusable: a small pool saves building one per message. */
    private final java.util.concurrent.ConcurrentLinkedQueue<Validator> validators =
            new java.util.concurrent.ConcurrentLinkedQueue<>();

    private OpenSaml() {
        try {
            InitializationService.initialize();
        } catch (InitializationException e) {
            throw new ConfigurationException("OpenSAML cannot be initialised", e);
        }
        this.schema = samlSchema();
        this.parserPool = newParserPool();
    }

    /** The initialised runtime; the first call initialises OpenSAML. */
    public static OpenSaml get() {
        return Holder.INSTANCE;
    }

    /** Initialisation-on-demand holder: the JVM guarantees one thread-safe initialisation. */
    private static final class Holder {
        private static final OpenSaml INSTANCE = new OpenSaml();
    }

    private static Schema samlSchema() {
        try {
            // SAML 2.0 protocol, assertion and metadata schemas with XML-DSig and XML-Enc.
            return new SAMLSchemaBuilder(SAMLSchemaBuilder.SAML1Version.SAML_11).getSAMLSchema();
        } catch (SAXException e) {
            throw new ConfigurationException("the SAML schemas cannot be loaded", e);
        }
    }

    private static BasicParserPool newParserPool() {
        BasicParserPool pool = new BasicParserPool();
        pool.setMaxPoolSize(64);
        pool.setNamespaceAware(true);
        pool.setCoalescing(false);
        // Comments stay in the tree so that they can be refused (a comment splitting a NameID is the
        // 2018 "comment truncation" attack against libraries that read only the first text node).
        pool.setIgnoreComments(false);
        pool.setExpandEntityReferences(false);
        pool.setXincludeAware(false);
        pool.setDTDValidating(false);
        // No schema in the parser: a validating parser adds schema default attributes to the tree,
        // which changes what was signed. The schema is checked on the parsed tree instead (below).
        pool.setErrorHandler(new StrictErrorHandler());
        Map<String, Boolean> features = new HashMap<>();
        features.put(XMLConstants.FEATURE_SECURE_PROCESSING, Boolean.TRUE);
        features.put("http://apache.org/xml/features/disallow-doctype-decl", Boolean.TRUE);
        features.put("http://xml.org/sax/features/external-general-entities", Boolean.FALSE);
        features.put("http://xml.org/sax/features/external-parameter-entities", Boolean.FALSE);
        features.put("http://apache.org/xml/features/nonvalidating/load-external-dtd", Boolean.FALSE);
        pool.setBuilderFeatures(features);
        pool.setBuilderAttributes(Map.of(MAX_ELEMENT_DEPTH_PROPERTY, String.valueOf(MAX_DEPTH + 1)));
        try {
            pool.initialize();
        } catch (ComponentInitializationException e) {
            throw new ConfigurationException("the XML parser pool cannot be initialised", e);
        }
        return pool;
    }

    /**
     * Parses untrusted bytes: no DTD, no external entity, at most {@link #MAX_DEPTH} levels (checked by the
     * parser itself), schema-valid SAML.
     *
     * @throws AuthenticationException {@code malformed_response} when the bytes are not acceptable
     */
    public Document parse(byte[] xml) {
        Document document;
        try {
            document = parserPool.parse(new ByteArrayInputStream(xml));
        } catch (XMLParserException e) {
            throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE,
                    "the SAML message is not well-formed XML without a DTD", e);
        }
        refuseDeepNesting(document);
        return validated(document);
    }

    /**
     * Validates a document against the SAML schemas, for trees that did not come through {@link #parse}
     * (a decrypted assertion).
     *
     * @throws AuthenticationException {@code malformed_response} when it is not schema-valid
     */
    public Document validated(Document document) {
        Validator validator = validators.poll();
        if (validator == null) {
            validator = schema.newValidator();
            validator.setErrorHandler(new StrictErrorHandler());
        }
        try {
            // A Validator over a DOMSource without a result reads the tree and does not change it
            // (a validating parser would normalise typed values and so change what was signed).
            validator.validate(new DOMSource(document));
        } catch (SAXException | java.io.IOException e) {
            validator = null; // Not reused after a failure: its state is unknown.
            throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE, "the SAML message is not schema-valid", e);
        } finally {
            if (validator != null && validators.size() < 64) {
                validator.reset();
                validator.setErrorHandler(new StrictErrorHandler());
                validators.offer(validator);
            }
        }
        return document;
    }

    /**
     * Refuses a tree deeper than {@link #MAX_DEPTH}, walking it without recursion: OpenSAML's
     * unmarshaller and the signature code recurse per level, so a small message of thousands of
     * nested elements (allowed by the schema inside Extensions) would overflow the stack before any
     * signature check.
     *
     * @throws AuthenticationException {@code malformed_response} when the tree is too deep
     */
    public static void refuseDeepNesting(Node root) {
        int depth = 0;
        Node node = root.getFirstChild();
        while (node != null) {
            if (node.getNodeType() == Node.ELEMENT_NODE && node.getFirstChild() != null) {
                if (++depth > MAX_DEPTH) {
                    throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE,
                            "the SAML message nests elements deeper than " + MAX_DEPTH);
                }
                node = node.getFirstChild();
                continue;
            }
            while (node != null && node.getNextSibling() == null) {
                node = node.getParentNode();
                depth--;
                if (node == root || node == null) {
                    return;
                }
            }
            node = node.getNextSibling();
        }
    }

    /** The hardened parser pool (for the decrypter). */
    net.shibboleth.utilities.java.support.xml.ParserPool parserPool() {
        return parserPool;
    }

    /** A new empty document. */
    public Document newDocument() {
        try {
            return parserPool.newDocument();
        } catch (XMLParserException e) {
            throw new IllegalStateException("no XML document builder", e);
        }
    }

    /**
     * Unmarshals an element of an already checked document.
     *
     * @throws AuthenticationException {@code malformed_response} when OpenSAML cannot read it
     */
    public XMLObject unmarshall(Element element) {
        Unmarshaller unmarshaller = XMLObjectProviderRegistrySupport.getUnmarshallerFactory().getUnmarshaller(element);
        if (unmarshaller == null) {
            throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE, "unknown SAML element " + Shown.value(element.getLocalName()));
        }
        try {
            return unmarshaller.unmarshall(element);
        } catch (UnmarshallingException e) {
            throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE, "the SAML message cannot be read", e);
        } catch (StackOverflowError e) {
            // The unmarshaller recurses per level; the depth bounds above should make this unreachable.
            throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE, "the SAML message nests too deeply");
        }
    }

    /** Builds an empty SAML object of a type by its default element name. */
    @SuppressWarnings("unchecked")
    public <T extends XMLObject> T build(QName elementName) {
        var builder = XMLObjectProviderRegistrySupport.getBuilderFactory().getBuilder(elementName);
        if (builder == null) {
            throw new IllegalStateException("no OpenSAML builder for " + elementName);
        }
        return (T) builder.buildObject(elementName);
    }

    /** Builds an object of a schema type under an element name (such as an xs:string AttributeValue). */
    @SuppressWarnings("unchecked")
    public <T extends XMLObject> T build(QName elementName, QName typeName) {
        var builder = XMLObjectProviderRegistrySupport.getBuilderFactory().getBuilder(typeName);
        if (builder == null) {
            throw new IllegalStateException("no OpenSAML builder for " + typeName);
        }
        return (T) builder.buildObject(elementName, typeName);
    }

    /** Marshals an object to its DOM element. */
    public Element marshall(XMLObject object) {
        try {
            return XMLObjectProviderRegistrySupport.getMarshallerFactory().getMarshaller(object).marshall(object);
        } catch (MarshallingException e) {
            throw new IllegalStateException("the SAML object cannot be marshalled", e);
        }
    }

    /** Serialises an element without reformatting (signatures must survive). */
    public static byte[] serialize(Element element) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        net.shibboleth.utilities.java.support.xml.SerializeSupport.writeNode(element, out);
        return out.toByteArray();
    }

    /** Schema warnings are ignored; errors fail the parse. */
    private static final class StrictErrorHandler implements org.xml.sax.ErrorHandler {
        @Override
        public void warning(org.xml.sax.SAXParseException e) {
        }

        @Override
        public void error(org.xml.sax.SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
            throw e;
        }
    }
}
