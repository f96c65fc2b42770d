package be.fedauth.saml.support;

import org.apache.xml.security.signature.ObjectContainer;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.apache.xml.security.utils.Constants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Signs an element with Apache Santuario directly, to make signatures that are cryptographically
 * valid under the IdP's real key but break the SAML signature profile: an XSLT transform, or a second
 * reference to a ds:Object.
 */
public final class RawSigner {
    private RawSigner() {
    }

    /**
     * Adds an XSLT transform to the reference of an already signed element's signature and signs the
     * SignedInfo again, so that the signature value is genuine. (Santuario refuses to create an XSLT
     * reference with secure validation on, hence the edit after signing.)
     */
    public static void addXsltAndResign(Element signed, TestCredentials key) {
        try {
            org.apache.xml.security.Init.init();
            Document doc = signed.getOwnerDocument();
            Element signature = Dom.child(signed, Dom.DS, "Signature");
            Element transforms = Dom.first(signature, Dom.DS, "Transforms");
            Element transform = doc.createElementNS(Dom.DS, "ds:Transform");
            transform.setAttribute("Algorithm", Transforms.TRANSFORM_XSLT);
            Element stylesheet = doc.createElementNS("http://www.w3.org/1999/XSL/Transform", "xsl:stylesheet");
            stylesheet.setAttribute("version", "1.0");
            transform.appendChild(stylesheet);
            transforms.insertBefore(transform, transforms.getLastChild());
            Element signedInfo = Dom.first(signature, Dom.DS, "SignedInfo");
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            org.apache.xml.security.c14n.Canonicalizer.getInstance(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS)
                    .canonicalizeSubtree(signedInfo, out);
            java.security.Signature rsa = java.security.Signature.getInstance("SHA256withRSA");
            rsa.initSign(key.keyPair().getPrivate());
            rsa.update(out.toByteArray());
            Dom.first(signature, Dom.DS, "SignatureValue").setTextContent(
                    java.util.Base64.getEncoder().encodeToString(rsa.sign()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs {@code element} with a second reference to a ds:Object inside the signature. */
    public static void signWithObjectReference(Element element, TestCredentials key) {
        sign(element, key, true, "#" + element.getAttribute("ID"));
    }

    /**
     * Signs {@code element}, the document element, with a Reference whose URI is empty: XML-DSig reads
     * that as the whole document, so the signature is cryptographically valid.
     */
    public static void signWithEmptyReference(Element element, TestCredentials key) {
        sign(element, key, false, "");
    }

    private static void sign(Element element, TestCredentials key, boolean object, String uri) {
        try {
            org.apache.xml.security.Init.init();
            Document doc = element.getOwnerDocument();
            element.setIdAttributeNS(null, "ID", true);
            XMLSignature signature = new XMLSignature(doc, "", XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256,
                    Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
            Element issuer = Dom.first(element, Dom.SAML, "Issuer");
            element.insertBefore(signature.getElement(), issuer.getNextSibling());
            Transforms transforms = new Transforms(doc);
            transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
            transforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
            signature.addDocument(uri, transforms, org.apache.xml.security.algorithms.MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256);
            if (object) {
                ObjectContainer container = new ObjectContainer(doc);
                container.setId("extra");
                container.appendChild(doc.createTextNode("harmless-looking extra content"));
                signature.appendObject(container);
                Transforms objectTransforms = new Transforms(doc);
                objectTransforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
                signature.addDocument("#extra", objectTransforms, org.apache.xml.security.algorithms.MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256);
            }
            signature.addKeyInfo(key.certificate());
            signature.sign(key.keyPair().getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
