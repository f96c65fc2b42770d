package be.fedauth.saml.internal;

import be.fedauth.saml.SpKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.opensaml.core.xml.XMLObject;

/**
 * The SAML messages this SP sends, as XML bytes, so that the public classes never hold an OpenSAML
 * type (OpenSAML stays behind this package).
 */
public final class Outbound {
    private Outbound() {
    }

    /** An AuthnRequest (see {@link MessageFactory#authnRequest}), signed enveloped by {@code signer} when given (HTTP-POST). */
    public static byte[] authnRequest(String id, Instant now, String destination, String spEntityId, String acsUrl,
                                      List<String> classRefs, boolean exact, Optional<SpKey> signer) {
        var request = MessageFactory.authnRequest(id, now, destination, spEntityId, acsUrl, classRefs, exact);
        if (signer.isPresent()) {
            return OpenSaml.serialize(XmlSigner.sign(request, signer.get().privateKey(), signer.get().certificate()));
        }
        return xml(request);
    }

    /** A LogoutRequest for a session (SAML Core 3.7.1). */
    public static byte[] logoutRequest(String id, Instant now, String destination, String spEntityId, String nameId,
                                       Optional<String> format, Optional<String> nameQualifier,
                                       Optional<String> spNameQualifier, Optional<String> sessionIndex) {
        return xml(MessageFactory.logoutRequest(id, now, destination, spEntityId, nameId, format, nameQualifier,
                spNameQualifier, sessionIndex));
    }

    /** A successful LogoutResponse (SAML Core 3.7.2). */
    public static byte[] logoutResponse(String id, Instant now, String destination, String spEntityId,
                                        String inResponseTo) {
        return xml(MessageFactory.logoutResponse(id, now, destination, spEntityId, inResponseTo));
    }

    private static byte[] xml(XMLObject message) {
        return OpenSaml.serialize(OpenSaml.get().marshall(message));
    }
}
