package be.fedauth.saml.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.AuthnContextClassRef;
import org.opensaml.saml.saml2.core.AuthnContextComparisonTypeEnumeration;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.NameIDPolicy;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.RequestedAuthnContext;
import org.opensaml.saml.saml2.core.SessionIndex;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;

/** Builds the SP's outgoing messages (SAML Core 3.4.1, 3.7.1, 3.7.2). */
public final class MessageFactory {
    private MessageFactory() {
    }

    /**
     * An AuthnRequest asking for a transient NameID over HTTP-POST to the ACS.
     *
     * @param classRefs the RequestedAuthnContext values; none to ask for nothing in particular
     * @param exact comparison {@code exact} (keys named) or {@code minimum} (a level)
     */
    public static AuthnRequest authnRequest(String id, Instant now, String destination, String spEntityId,
                                            String acsUrl, List<String> classRefs, boolean exact) {
        OpenSaml saml = OpenSaml.get();
        AuthnRequest request = saml.build(AuthnRequest.DEFAULT_ELEMENT_NAME);
        request.setID(id);
        request.setVersion(SAMLVersion.VERSION_20);
        request.setIssueInstant(now);
        request.setDestination(destination);
        request.setAssertionConsumerServiceURL(acsUrl);
        request.setProtocolBinding(SAMLConstants.SAML2_POST_BINDING_URI);
        request.setIssuer(issuer(spEntityId));
        NameIDPolicy policy = saml.build(NameIDPolicy.DEFAULT_ELEMENT_NAME);
        policy.setFormat(NameIDType.TRANSIENT);
        policy.setAllowCreate(Boolean.TRUE);
        request.setNameIDPolicy(policy);
        if (!classRefs.isEmpty()) {
            RequestedAuthnContext context = saml.build(RequestedAuthnContext.DEFAULT_ELEMENT_NAME);
            context.setComparison(exact ? AuthnContextComparisonTypeEnumeration.EXACT
                    : AuthnContextComparisonTypeEnumeration.MINIMUM);
            for (String value : classRefs) {
                AuthnContextClassRef ref = saml.build(AuthnContextClassRef.DEFAULT_ELEMENT_NAME);
                ref.setURI(value);
                context.getAuthnContextClassRefs().add(ref);
            }
            request.setRequestedAuthnContext(context);
        }
        return request;
    }

    /** A LogoutRequest for a session (SAML Core 3.7.1). */
    public static LogoutRequest logoutRequest(String id, Instant now, String destination, String spEntityId,
                                              String nameIdValue, Optional<String> format, Optional<String> nameQualifier,
                                              Optional<String> spNameQualifier, Optional<String> sessionIndex) {
        OpenSaml saml = OpenSaml.get();
        LogoutRequest request = saml.build(LogoutRequest.DEFAULT_ELEMENT_NAME);
        request.setID(id);
        request.setVersion(SAMLVersion.VERSION_20);
        request.setIssueInstant(now);
        request.setDestination(destination);
        request.setIssuer(issuer(spEntityId));
        NameID nameId = saml.build(NameID.DEFAULT_ELEMENT_NAME);
        nameId.setValue(nameIdValue);
        format.ifPresent(nameId::setFormat);
        nameQualifier.ifPresent(nameId::setNameQualifier);
        spNameQualifier.ifPresent(nameId::setSPNameQualifier);
        request.setNameID(nameId);
        sessionIndex.ifPresent(value -> {
            SessionIndex index = saml.build(SessionIndex.DEFAULT_ELEMENT_NAME);
            index.setValue(value);
            request.getSessionIndexes().add(index);
        });
        return request;
    }

    /** A successful LogoutResponse (SAML Core 3.7.2). */
    public static LogoutResponse logoutResponse(String id, Instant now, String destination, String spEntityId,
                                                String inResponseTo) {
        OpenSaml saml = OpenSaml.get();
        LogoutResponse response = saml.build(LogoutResponse.DEFAULT_ELEMENT_NAME);
        response.setID(id);
        response.setVersion(SAMLVersion.VERSION_20);
        response.setIssueInstant(now);
        response.setDestination(destination);
        response.setInResponseTo(inResponseTo);
        response.setIssuer(issuer(spEntityId));
        Status status = saml.build(Status.DEFAULT_ELEMENT_NAME);
        StatusCode code = saml.build(StatusCode.DEFAULT_ELEMENT_NAME);
        code.setValue(StatusCode.SUCCESS);
        status.setStatusCode(code);
        response.setStatus(status);
        return response;
    }

    private static Issuer issuer(String entityId) {
        Issuer issuer = OpenSaml.get().build(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setValue(entityId);
        return issuer;
    }
}
