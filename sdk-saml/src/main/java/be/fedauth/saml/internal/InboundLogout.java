package be.fedauth.saml.internal;

import be.fedauth.core.AuthenticationException;
import be.fedauth.core.CallbackRequest;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.spi.ReplayCache;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.SessionIndex;
import org.opensaml.saml.saml2.core.StatusCode;
import org.w3c.dom.Document;

/**
 * Reads Single Logout messages from the identity provider over HTTP-Redirect (SAML Profiles 4.4):
 * bounded inflate, detached signature against the metadata keys, Issuer, Destination, validity, a
 * LogoutRequest at most {@link #MAX_AGE} old and used once (replay cache), a LogoutResponse answering
 * the LogoutRequest this SP sent (InResponseTo). Thread-safe.
 */
public final class InboundLogout {
    /** How old an IdP's LogoutRequest may be (beyond the skew): the browser carries it straight over. */
    public static final Duration MAX_AGE = Duration.ofMinutes(5);
    private final Clock clock;
    private final Duration skew;
    private final Optional<String> sloUrl;
    private final ReplayCache replayCache;

    /** A reader for one SP. */
    public InboundLogout(Clock clock, Duration skew, Optional<String> sloUrl, ReplayCache replayCache) {
        this.clock = clock;
        this.skew = skew;
        this.sloUrl = sloUrl;
        this.replayCache = replayCache;
    }

    /** A verified LogoutRequest: its ID, NameID and session indexes. */
    public record Request(String id, String nameId, List<String> sessionIndexes) {
    }

    /**
     * The ID of the LogoutRequest sent for a logout state: derived from the state (a random value the
     * application keeps), so that the response can be matched to it without server-side storage.
     */
    public static String requestIdFor(String spEntityId, String state) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    ("fedauth-saml-logout\n" + spEntityId + "\n" + state).getBytes(StandardCharsets.UTF_8));
            return "_" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /** The message of a parsed callback, its signature verified over our re-encoding of the values. */
    public static RedirectCodec.Inbound read(CallbackRequest callback, String parameter, IdpDescriptor idp) {
        if (!"GET".equals(callback.method())) {
            throw new AuthenticationException(ErrorCode.MALFORMED_CALLBACK, "logout messages arrive over HTTP-Redirect");
        }
        byte[] xml = RedirectCodec.decodeVerified(parameter, callback.required(parameter), callback.single("RelayState"),
                callback.single("SigAlg"), callback.single("Signature"), idp.signingCertificates());
        return new RedirectCodec.Inbound(xml, callback.single("RelayState"));
    }

    /**
     * Verifies a LogoutRequest (signature already checked by {@code read} or {@code decodeVerifiedRaw}).
     *
     * @throws AuthenticationException with the code of the failed check
     */
    public Request request(RedirectCodec.Inbound message, IdpDescriptor idp) {
        XMLObject object = parse(message.xml());
        if (!(object instanceof LogoutRequest request)) {
            throw new AuthenticationException(ErrorCode.MALFORMED_CALLBACK, "the message is not a LogoutRequest");
        }
        ResponseValidator.checkIssuer(request.getIssuer(), idp, true, "logout request");
        checkDestination(request.getDestination());
        Instant now = clock.instant();
        if (request.getNotOnOrAfter() != null && !now.minus(skew).isBefore(request.getNotOnOrAfter())) {
            throw new AuthenticationException(ErrorCode.TOKEN_EXPIRED, "the LogoutRequest expired");
        }
        Instant issued = request.getIssueInstant();
        if (issued == null || request.getID() == null) {
            throw new AuthenticationException(ErrorCode.MALFORMED_CALLBACK, "the LogoutRequest has no ID or IssueInstant");
        }
        if (issued.isAfter(now.plus(skew))) {
            throw new AuthenticationException(ErrorCode.TOKEN_ISSUED_IN_FUTURE, "the LogoutRequest is issued in the future");
        }
        Instant expiry = issued.plus(MAX_AGE).plus(skew);
        if (!now.isBefore(expiry)) {
            throw new AuthenticationException(ErrorCode.TOKEN_EXPIRED, "the LogoutRequest is too old");
        }
        if (request.getNameID() == null || request.getNameID().getValue() == null) {
            throw new AuthenticationException(ErrorCode.MALFORMED_CALLBACK, "the LogoutRequest names no NameID");
        }
        // Last: a refused message must not burn the ID of a genuine one. Remembered while it is acceptable.
        replayCache.markUsed("saml-logout-request:" + idp.entityId(), request.getID(), expiry);
        return new Request(request.getID(), request.getNameID().getValue(),
                request.getSessionIndexes().stream().map(SessionIndex::getValue).toList());
    }

    /**
     * Verifies a LogoutResponse to the LogoutRequest this SP sent with {@code expectedRequestId}.
     *
     * @throws AuthenticationException {@code idp_error} when logout failed at the IdP, or the code of the failed check
     */
    public void response(RedirectCodec.Inbound message, IdpDescriptor idp, String expectedRequestId) {
        XMLObject object = parse(message.xml());
        if (!(object instanceof LogoutResponse response)) {
            throw new AuthenticationException(ErrorCode.MALFORMED_CALLBACK, "the message is not a LogoutResponse");
        }
        ResponseValidator.checkIssuer(response.getIssuer(), idp, true, "logout response");
        checkDestination(response.getDestination());
        if (!expectedRequestId.equals(response.getInResponseTo())) {
            throw new AuthenticationException(ErrorCode.IN_RESPONSE_TO_MISMATCH,
                    "the LogoutResponse does not answer this browser's LogoutRequest");
        }
        if (response.getIssueInstant() != null && response.getIssueInstant().isAfter(clock.instant().plus(skew))) {
            throw new AuthenticationException(ErrorCode.TOKEN_ISSUED_IN_FUTURE, "the LogoutResponse is issued in the future");
        }
        if (response.getStatus() == null || response.getStatus().getStatusCode() == null
                || !StatusCode.SUCCESS.equals(response.getStatus().getStatusCode().getValue())) {
            throw new AuthenticationException(ErrorCode.IDP_ERROR, "the identity provider could not log out");
        }
    }

    private static XMLObject parse(byte[] xml) {
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
