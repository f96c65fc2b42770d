package be.fedauth.saml.internal;

import be.fedauth.core.AuthenticationException;
import be.fedauth.core.CallbackRequest;
import be.fedauth.core.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.SessionIndex;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.core.StatusResponseType;
import org.w3c.dom.Document;

/**
 * Reads Single Logout messages from the identity provider over HTTP-Redirect (SAML Profiles 4.4):
 * bounded inflate, detached signature against the metadata keys, Issuer, Destination, validity.
 */
public final class InboundLogout {
    private final Clock clock;
    private final Duration skew;
    private final Optional<String> sloUrl;

    /** A reader for one SP. */
    public InboundLogout(Clock clock, Duration skew, Optional<String> sloUrl) {
        this.clock = clock;
        this.skew = skew;
        this.sloUrl = sloUrl;
    }

    /** A verified LogoutRequest: its ID, NameID and session indexes. */
    public record Request(String id, String nameId, List<String> sessionIndexes) {
    }

    /**
     * Reads and verifies a LogoutRequest.
     *
     * @throws AuthenticationException with the code of the failed check
     */
    public Request request(CallbackRequest callback, IdpDescriptor idp) {
        XMLObject object = decode(callback, "SAMLRequest", idp);
        if (!(object instanceof LogoutRequest request)) {
            throw new AuthenticationException(ErrorCode.MALFORMED_CALLBACK, "the message is not a LogoutRequest");
        }
        ResponseValidator.checkIssuer(request.getIssuer(), idp, true);
        checkDestination(request.getDestination());
        Instant now = clock.instant();
        if (request.getNotOnOrAfter() != null && !now.minus(skew).isBefore(request.getNotOnOrAfter())) {
            throw new AuthenticationException(ErrorCode.TOKEN_EXPIRED, "the LogoutRequest expired");
        }
        if (request.getIssueInstant() != null && request.getIssueInstant().isAfter(now.plus(skew))) {
            throw new AuthenticationException(ErrorCode.TOKEN_ISSUED_IN_FUTURE, "the LogoutRequest is issued in the future");
        }
        if (request.getNameID() == null || request.getNameID().getValue() == null || request.getID() == null) {
            throw new AuthenticationException(ErrorCode.MALFORMED_CALLBACK, "the LogoutRequest names no NameID");
        }
        return new Request(request.getID(), request.getNameID().getValue(),
                request.getSessionIndexes().stream().map(SessionIndex::getValue).toList());
    }

    /**
     * Reads and verifies a LogoutResponse to our LogoutRequest.
     *
     * @throws AuthenticationException {@code idp_error} when logout failed at the IdP, or the code of the failed check
     */
    public void response(CallbackRequest callback, IdpDescriptor idp) {
        XMLObject object = decode(callback, "SAMLResponse", idp);
        if (!(object instanceof LogoutResponse response)) {
            throw new AuthenticationException(ErrorCode.MALFORMED_CALLBACK, "the message is not a LogoutResponse");
        }
        ResponseValidator.checkIssuer(response.getIssuer(), idp, true);
        checkDestination(response.getDestination());
        StatusResponseType status = response;
        if (status.getStatus() == null || status.getStatus().getStatusCode() == null
                || !StatusCode.SUCCESS.equals(status.getStatus().getStatusCode().getValue())) {
            throw new AuthenticationException(ErrorCode.IDP_ERROR, "the identity provider could not log out");
        }
    }

    private XMLObject decode(CallbackRequest callback, String parameter, IdpDescriptor idp) {
        if (!"GET".equals(callback.method())) {
            throw new AuthenticationException(ErrorCode.MALFORMED_CALLBACK, "logout messages arrive over HTTP-Redirect");
        }
        byte[] xml = RedirectCodec.decodeVerified(parameter, callback.required(parameter), callback.single("RelayState"),
                callback.single("SigAlg"), callback.single("Signature"), idp.signingCertificates());
        OpenSaml saml = OpenSaml.get();
        Document document = saml.parse(xml);
        ResponseValidator.refuseCommentsAndInstructions(document);
        return saml.unmarshall(document.getDocumentElement());
    }

    private void checkDestination(String destination) {
        // SAML Bindings 3.4.5.2: a signed message must carry its Destination.
        if (destination == null || sloUrl.isEmpty() || !sloUrl.get().equals(destination)) {
            throw new AuthenticationException(ErrorCode.DESTINATION_MISMATCH, "the logout message is addressed elsewhere");
        }
    }
}
