package be.fedauth.saml.support;

import be.fedauth.saml.internal.OpenSaml;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Plain DOM handling for crafting attacks: parse, find, move, serialise. */
public final class Dom {
    public static final String SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol";
    public static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    public static final String DS = "http://www.w3.org/2000/09/xmldsig#";

    private Dom() {
    }

    /** A fresh, independent document from an element (so that the attack does not touch OpenSAML's cached DOM). */
    public static Document copy(Element element) {
        return parse(OpenSaml.serialize(element));
    }

    public static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(Document document) {
        return new String(OpenSaml.serialize(document.getDocumentElement()), StandardCharsets.UTF_8);
    }

    public static String base64(Document document) {
        return TestIdp.encode(OpenSaml.serialize(document.getDocumentElement()));
    }

    /** Direct children of {@code parent} with this name. */
    public static List<Element> children(Element parent, String ns, String local) {
        List<Element> out = new ArrayList<>();
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    public static Element child(Element parent, String ns, String local) {
        return children(parent, ns, local).get(0);
    }

    /** The first descendant with this name. */
    public static Element first(Element root, String ns, String local) {
        NodeList list = root.getElementsByTagNameNS(ns, local);
        return (Element) list.item(0);
    }

    /** Makes an assertion "evil": another subject and first name. */
    public static void makeEvil(Element assertion) {
        first(assertion, SAML, "NameID").setTextContent("_evil-admin");
        NodeList attributes = assertion.getElementsByTagNameNS(SAML, "Attribute");
        for (int i = 0; i < attributes.getLength(); i++) {
            Element attribute = (Element) attributes.item(i);
            if ("givenName".equals(attribute.getAttribute("Name"))) {
                first(attribute, SAML, "AttributeValue").setTextContent("Mallory");
            }
        }
    }
}
