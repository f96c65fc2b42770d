package be.fedauth.testkit.internal.saml;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import net.shibboleth.utilities.java.support.component.ComponentInitializationException;
import net.shibboleth.utilities.java.support.xml.BasicParserPool;
import net.shibboleth.utilities.java.support.xml.SerializeSupport;
import net.shibboleth.utilities.java.support.xml.XMLParserException;
import org.opensaml.core.config.InitializationException;
import org.opensaml.core.config.InitializationService;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.core.xml.io.MarshallingException;
import org.opensaml.core.xml.io.UnmarshallingException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** OpenSAML for the fake IdP: initialised once, lazily; a hardened parser pool for the SPs' requests. */
final class SamlRuntime {
    private final BasicParserPool parserPool;

    private SamlRuntime() {
        try {
            InitializationService.initialize();
        } catch (InitializationException e) {
            throw new IllegalStateException("OpenSAML cannot be initialised", e);
        }
        BasicParserPool pool = new BasicParserPool();
        pool.setNamespaceAware(true);
        pool.setExpandEntityReferences(false);
        pool.setXincludeAware(false);
        Map<String, Boolean> features = new HashMap<>();
        features.put(XMLConstants.FEATURE_SECURE_PROCESSING, Boolean.TRUE);
        features.put("http://apache.org/xml/features/disallow-doctype-decl", Boolean.TRUE);
        features.put("http://xml.org/sax/features/external-general-entities", Boolean.FALSE);
        features.put("http://xml.org/sax/features/external-parameter-entities", Boolean.FALSE);
        pool.setBuilderFeatures(features);
        try {
            pool.initialize();
        } catch (ComponentInitializationException e) {
            throw new IllegalStateException(e);
        }
        this.parserPool = pool;
    }

    private static final class Holder {
        private static final SamlRuntime INSTANCE = new SamlRuntime();
    }

    static SamlRuntime get() {
        return Holder.INSTANCE;
    }

    @SuppressWarnings("unchecked")
    <T extends XMLObject> T build(QName name) {
        return (T) XMLObjectProviderRegistrySupport.getBuilderFactory().getBuilder(name).buildObject(name);
    }

    @SuppressWarnings("unchecked")
    <T extends XMLObject> T build(QName name, QName type) {
        return (T) XMLObjectProviderRegistrySupport.getBuilderFactory().getBuilder(type).buildObject(name, type);
    }

    Element marshall(XMLObject object) {
        try {
            return XMLObjectProviderRegistrySupport.getMarshallerFactory().getMarshaller(object).marshall(object);
        } catch (MarshallingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses an SP's message; {@code null} when it is not acceptable XML. */
    XMLObject parse(byte[] xml) {
        try {
            Document document = parserPool.parse(new ByteArrayInputStream(xml));
            return XMLObjectProviderRegistrySupport.getUnmarshallerFactory().getUnmarshaller(document.getDocumentElement())
                    .unmarshall(document.getDocumentElement());
        } catch (XMLParserException | UnmarshallingException | RuntimeException e) {
            return null;
        }
    }

    Document newDocument() {
        try {
            return parserPool.newDocument();
        } catch (XMLParserException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] serialize(Element element) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SerializeSupport.writeNode(element, out);
        return out.toByteArray();
    }
}
