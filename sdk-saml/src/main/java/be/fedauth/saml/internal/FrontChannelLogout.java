package be.fedauth.saml.internal;

import be.fedauth.core.FedAuthException;
import be.fedauth.core.IdpLogoutRequest;
import be.fedauth.core.SingleLogout;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The {@link SingleLogout} of a {@code SamlProvider} with a single-logout URL: messages over HTTP-Redirect
 * to that URL, verified by {@link SamlFlow} from the raw query string. {@link #recognises} reads the
 * message's Issuer without verifying anything (hardened parse only), to route it among providers that
 * share one endpoint. Thread-safe.
 */
public final class FrontChannelLogout implements SingleLogout {
    private static final String PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
    private static final String ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion";

    private final SamlFlow flow;
    private final String idpEntityId;

    /** The single logout of this flow, whose identity provider has this entity id. */
    public FrontChannelLogout(SamlFlow flow, String idpEntityId) {
        this.flow = Objects.requireNonNull(flow, "flow");
        this.idpEntityId = Objects.requireNonNull(idpEntityId, "idpEntityId");
    }

    @Override
    public boolean recognises(String rawQuery) {
        Objects.requireNonNull(rawQuery, "rawQuery");
        if (rawQuery.length() > 2 * RedirectCodec.MAX_ENCODED + 8192) {
            return false;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (eq > 0 && (name.equals("SAMLRequest") || name.equals("SAMLResponse"))) {
                return idpEntityId.equals(issuer(pair.substring(eq + 1)));
            }
        }
        return false;
    }

    /** The Issuer of a LogoutRequest or LogoutResponse, or null when the value is anything else. */
    private static String issuer(String encoded) {
        try {
            byte[] xml = RedirectCodec.inflate(URLDecoder.decode(encoded, StandardCharsets.UTF_8));
            Element root = OpenSaml.get().parse(xml).getDocumentElement();
            if (!PROTOCOL.equals(root.getNamespaceURI())
                    || !("LogoutRequest".equals(root.getLocalName()) || "LogoutResponse".equals(root.getLocalName()))) {
                return null;
            }
            for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element e && ASSERTION.equals(e.getNamespaceURI()) && "Issuer".equals(e.getLocalName())) {
                    return e.getTextContent().strip();
                }
            }
            return null;
        } catch (FedAuthException | IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public IdpLogoutRequest handleLogoutRequest(String rawQuery) {
        return flow.handleLogoutRequest(rawQuery);
    }

    @Override
    public void finishLogout(String rawQuery, String state) {
        flow.finishLogout(rawQuery, state);
    }

    @Override
    public String toString() {
        return "FrontChannelLogout[" + flow.id() + "]";
    }
}
