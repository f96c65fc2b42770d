package be.fedauth.testkit.internal.saml;

import be.fedauth.testkit.SamlAttack;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The attacks made on the signed DOM, after signing. */
final class DomAttacks {
    private static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";

    private DomAttacks() {
    }

    static void apply(SamlAttack attack, Element response) {
        switch (attack) {
            case BAD_SIGNATURE -> {
                Element assertion = firstChild(response, SAML, "Assertion");
                Element target = assertion != null ? assertion : response;
                Element value = (Element) target.getElementsByTagNameNS(DS, "SignatureValue").item(0);
                String text = value.getTextContent().trim();
                char c = text.charAt(10);
                value.setTextContent(text.substring(0, 10) + (c == 'A' ? 'B' : 'A') + text.substring(11));
            }
            case XML_SIGNATURE_WRAPPING -> {
                Element assertion = firstChild(response, SAML, "Assertion");
                Element evil = (Element) assertion.cloneNode(true);
                Node signature = firstChild(evil, DS, "Signature");
                evil.removeChild(signature);
                evil.setAttributeNS(null, "ID", "_evil" + assertion.getAttribute("ID").substring(1));
                nameId(evil).setTextContent("_evil-administrator");
                response.insertBefore(evil, assertion);
            }
            case COMMENT_IN_NAMEID -> {
                // Exclusive c14n without comments ignores the comment: both signatures stay valid.
                Element nameId = nameId(firstChild(response, SAML, "Assertion"));
                String value = nameId.getTextContent();
                nameId.setTextContent(value.substring(0, 4));
                nameId.appendChild(response.getOwnerDocument().createComment(""));
                nameId.appendChild(response.getOwnerDocument().createTextNode(value.substring(4)));
            }
            default -> {
                // The other attacks are made while building the response.
            }
        }
    }

    private static Element nameId(Element assertion) {
        return (Element) assertion.getElementsByTagNameNS(SAML, "NameID").item(0);
    }

    private static Element firstChild(Element parent, String ns, String local) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }
}
