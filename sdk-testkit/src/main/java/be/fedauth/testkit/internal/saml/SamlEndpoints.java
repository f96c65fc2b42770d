package be.fedauth.testkit.internal.saml;

import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.FedAuthException;
import be.fedauth.core.Language;
import be.fedauth.core.spi.AchievedLevel;
import be.fedauth.testkit.SamlServiceProvider;
import be.fedauth.testkit.internal.FakeIdpContext;
import be.fedauth.testkit.internal.FakeRequest;
import be.fedauth.testkit.internal.FakeResponse;
import be.fedauth.testkit.internal.ProtocolEndpoints;
import java.net.URI;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.saml2.core.AuthnContextClassRef;
import org.opensaml.saml.saml2.core.AuthnContextComparisonTypeEnumeration;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.RequestAbstractType;
import org.opensaml.saml.saml2.core.RequestedAuthnContext;

/**
 * The SAML side of the fake: BOSA FAS under {@code /fas} (metadata {@code /fas/saml/metadata}, SSO
 * {@code /fas/SSORedirect/metaAlias/idp}, SLO {@code /fas/SLO/metaAlias/idp}) and the social-security
 * login under {@code /socsec} ({@code /socsec/saml/metadata}, {@code /socsec/sso}, {@code /socsec/slo}).
 * SSO takes the AuthnRequest over HTTP-Redirect or HTTP-POST from a registered SP (signed when the SP
 * registered a signing certificate), then hands the login over to the shell. SLO takes a signed
 * LogoutRequest and answers with a signed LogoutResponse to the SP's single-logout URL, and takes the
 * SP's LogoutResponse to a logout started on the IdP's own logout page
 * ({@code /fas/saml/logout-everywhere}, {@code /socsec/saml/logout-everywhere}: {@link IdpLogoutPage}).
 * Thread-safe.
 */
public final class SamlEndpoints implements ProtocolEndpoints {
    private final IdpSide fas = IdpSide.fas();
    private final IdpSide socialSecurity = IdpSide.socialSecurity();
    private final SpSessions fasSessions = new SpSessions();
    private final SpSessions socialSecuritySessions = new SpSessions();
    private final ResponseFactory fasResponses = new ResponseFactory(fas, fasSessions);
    private final ResponseFactory socialSecurityResponses = new ResponseFactory(socialSecurity, socialSecuritySessions);
    private final IdpLogoutPage fasLogout = new IdpLogoutPage(fas, fasSessions);
    private final IdpLogoutPage socialSecurityLogout = new IdpLogoutPage(socialSecurity, socialSecuritySessions);

    /** The endpoints of one fake server. */
    public SamlEndpoints(FakeIdpContext context) {
        SamlRuntime.get();
    }

    @Override
    public boolean handles(FakeRequest request) {
        return fas.handles(request.path()) || socialSecurity.handles(request.path());
    }

    @Override
    public FakeResponse handle(FakeRequest request, FakeIdpContext context) {
        IdpSide side = fas.handles(request.path()) ? fas : socialSecurity;
        ResponseFactory responses = side == fas ? fasResponses : socialSecurityResponses;
        String path = request.path();
        if (path.equals(side.metadataPath())) {
            return "GET".equals(request.method()) ? FakeResponse.xml(IdpMetadataWriter.write(side, context))
                    : FakeResponse.text(405, "GET only");
        }
        if (path.equals(side.ssoPath())) {
            return sso(side, responses, request, context);
        }
        IdpLogoutPage logoutPage = side == fas ? fasLogout : socialSecurityLogout;
        if (path.equals(side.logoutPagePath())) {
            return logoutPage.start(request, context);
        }
        return slo(side, logoutPage, request, context);
    }

    private FakeResponse sso(IdpSide side, ResponseFactory responses, FakeRequest request, FakeIdpContext context) {
        Inbound inbound = Inbound.read(request, "SAMLRequest");
        if (inbound.error().isPresent()) {
            return inbound.error().get();
        }
        if (!(inbound.message() instanceof AuthnRequest authn) || authn.getID() == null) {
            return FakeResponse.text(400, "the SAMLRequest is not an AuthnRequest");
        }
        Optional<SamlServiceProvider> sp = serviceProvider(authn, context);
        if (sp.isEmpty()) {
            return FakeResponse.text(400, "unknown service provider: register it in the persona file or with the Java API");
        }
        if (!inbound.signatureValid(sp.get(), "SAMLRequest", (SignableSAMLObject) authn)) {
            return FakeResponse.text(400, "the AuthnRequest is not signed with the registered certificate");
        }
        if (authn.getDestination() != null && !authn.getDestination().equals(context.baseUri() + side.ssoPath())) {
            return FakeResponse.text(400, "the AuthnRequest is addressed to " + authn.getDestination());
        }
        String acs = authn.getAssertionConsumerServiceURL();
        if (acs == null) {
            acs = sp.get().acsUrls().get(0).toString();
        } else if (!sp.get().acsUrls().contains(URI.create(acs))) {
            return FakeResponse.text(400, "the AssertionConsumerServiceURL is not registered for this SP");
        }
        Set<DigitalKey> keys = EnumSet.noneOf(DigitalKey.class);
        Optional<AssuranceLevel> minimum = requested(side, authn.getRequestedAuthnContext(), keys);
        Language language = request.header("Accept-Language").flatMap(Language::fromCode).orElse(Language.FR);
        return context.login(new SamlLogin(context, side, responses, sp.get(), acs, authn.getID(),
                inbound.relayState(), keys, minimum, language));
    }

    /**
     * SP-initiated logout (SAML Profiles 4.4.3): the LogoutRequest comes from a registered SP and is
     * signed with its registered certificate (4.4.3.1 requires the requester to authenticate). The fake
     * keeps no session, so logout always succeeds: a signed LogoutResponse goes back over HTTP-Redirect
     * to the SP's single-logout URL; an SP that registered none gets a page saying so.
     */
    private FakeResponse slo(IdpSide side, IdpLogoutPage logoutPage, FakeRequest request, FakeIdpContext context) {
        if (request.parameter("SAMLResponse").isPresent()) {
            // An SP's answer to a logout the IdP started on its logout page.
            Inbound answer = Inbound.read(request, "SAMLResponse");
            if (answer.error().isPresent()) {
                return answer.error().get();
            }
            return logoutPage.answered(answer.message(), answer.relayState(), sp -> answer.message()
                    instanceof SignableSAMLObject signed && answer.signatureValid(sp, "SAMLResponse", signed), context);
        }
        Inbound inbound = Inbound.read(request, "SAMLRequest");
        if (inbound.error().isPresent()) {
            return inbound.error().get();
        }
        if (!(inbound.message() instanceof LogoutRequest logout) || logout.getID() == null) {
            return FakeResponse.text(400, "the SAMLRequest is not a LogoutRequest");
        }
        Optional<SamlServiceProvider> sp = serviceProvider(logout, context);
        if (sp.isEmpty() || sp.get().signingCertificate().isEmpty()
                || !inbound.signatureValid(sp.get(), "SAMLRequest", logout)) {
            return FakeResponse.text(400, "the LogoutRequest is not from a registered SP or not signed correctly");
        }
        if (logout.getDestination() != null && !logout.getDestination().equals(context.baseUri() + side.sloPath())) {
            return FakeResponse.text(400, "the LogoutRequest is addressed to " + logout.getDestination());
        }
        if (sp.get().singleLogoutUrl().isPresent()) {
            return FakeResponse.redirect(LogoutResponses.redirect(side, context, sp.get().singleLogoutUrl().get(),
                    logout.getID(), inbound.relayState()));
        }
        return FakeResponse.html("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>"
                + side.idp().displayName() + "</title></head><body><p>You are logged out of "
                + side.idp().displayName() + ".</p></body></html>");
    }

    private static Optional<SamlServiceProvider> serviceProvider(RequestAbstractType message, FakeIdpContext context) {
        if (message.getIssuer() == null || message.getIssuer().getValue() == null) {
            return Optional.empty();
        }
        return context.samlServiceProvider(message.getIssuer().getValue());
    }

    /**
     * The keys (comparison exact with key class refs) or the minimum level (otherwise) asked for;
     * unknown class refs are ignored.
     */
    private static Optional<AssuranceLevel> requested(IdpSide side, RequestedAuthnContext context, Set<DigitalKey> keys) {
        if (context == null) {
            return Optional.empty();
        }
        AssuranceLevel lowest = null;
        boolean allKeys = true;
        for (AuthnContextClassRef ref : context.getAuthnContextClassRefs()) {
            try {
                AchievedLevel meaning = side.vocabulary().interpret(List.of(ref.getURI()));
                meaning.key().ifPresent(keys::add);
                allKeys &= meaning.key().isPresent();
                lowest = lowest == null || meaning.level().compareTo(lowest) < 0 ? meaning.level() : lowest;
            } catch (FedAuthException e) {
                // A class ref this IdP does not know: FAS ignores it too.
            }
        }
        boolean exact = context.getComparison() == null
                || context.getComparison() == AuthnContextComparisonTypeEnumeration.EXACT;
        if (exact && allKeys && !keys.isEmpty()) {
            return Optional.empty();
        }
        keys.clear();
        return Optional.ofNullable(lowest);
    }

    /** A decoded inbound message with its binding's parameters. */
    private record Inbound(Optional<FakeResponse> error, XMLObject message, FakeRequest request, boolean post,
                           String value, Optional<String> relayState) {

        static Inbound read(FakeRequest request, String parameter) {
            boolean post = "POST".equals(request.method());
            Optional<String> value = post ? request.formParameter(parameter) : request.queryParameter(parameter);
            Optional<String> relay = post ? request.formParameter("RelayState") : request.queryParameter("RelayState");
            if (value.isEmpty()) {
                return failed(request, parameter + " is missing");
            }
            Optional<byte[]> xml;
            if (post) {
                try {
                    xml = value.get().length() > 512 * 1024 ? Optional.empty()
                            : Optional.of(Base64.getMimeDecoder().decode(value.get()));
                } catch (IllegalArgumentException e) {
                    xml = Optional.empty();
                }
            } else {
                xml = InboundMessages.inflate(value.get());
            }
            XMLObject message = xml.map(bytes -> SamlRuntime.get().parse(bytes)).orElse(null);
            if (message == null) {
                return failed(request, parameter + " cannot be decoded");
            }
            return new Inbound(Optional.empty(), message, request, post, value.get(), relay);
        }

        private static Inbound failed(FakeRequest request, String why) {
            return new Inbound(Optional.of(FakeResponse.text(400, why)), null, request, false, "", Optional.empty());
        }

        boolean signatureValid(SamlServiceProvider sp, String parameter, SignableSAMLObject object) {
            if (sp.signingCertificate().isEmpty()) {
                return true;
            }
            if (post) {
                return InboundMessages.xmlSignatureValid(object, sp.signingCertificate().get());
            }
            return InboundMessages.redirectSignatureValid(parameter, value, relayState, request.queryParameter("SigAlg"),
                    request.queryParameter("Signature"), sp.signingCertificate().get());
        }
    }
}
