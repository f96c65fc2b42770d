package be.fedauth.testkit.internal.saml;

import be.fedauth.core.internal.html.Html;
import be.fedauth.testkit.SamlServiceProvider;
import be.fedauth.testkit.internal.FakeIdpContext;
import be.fedauth.testkit.internal.FakeRequest;
import be.fedauth.testkit.internal.FakeResponse;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.SessionIndex;
import org.opensaml.saml.saml2.core.StatusCode;

/**
 * The IdP's own logout, as on FAS's logout page: {@code GET <prefix>/saml/logout-everywhere?sp=<entity
 * id>} ends the IdP's session at that service provider by sending it a signed LogoutRequest over
 * HTTP-Redirect (SAML Profiles 4.4.3.1, the IdP as requester) for the NameID and SessionIndex of the
 * last login issued there; without {@code sp}, a page lists the SPs with a session and a single-logout
 * URL. The SP's LogoutResponse coming back to the IdP's SLO URL is verified (a request sent here and
 * not yet answered, Issuer the SP, Destination the SLO URL, RelayState echoed, signed by the SP's
 * registered certificate, status Success) before the page says the user is logged out; otherwise a
 * 400 page says why. Thread-safe.
 */
final class IdpLogoutPage {
    private static final Duration REQUEST_LIFETIME = Duration.ofMinutes(5);

    private final IdpSide side;
    private final SpSessions sessions;

    IdpLogoutPage(IdpSide side, SpSessions sessions) {
        this.side = side;
        this.sessions = sessions;
    }

    /** The page, or the LogoutRequest to the SP it names. */
    FakeResponse start(FakeRequest request, FakeIdpContext context) {
        if (!"GET".equals(request.method())) {
            return FakeResponse.text(405, "GET only");
        }
        Optional<String> entityId = request.queryParameter("sp");
        if (entityId.isEmpty()) {
            return list(context);
        }
        Optional<SamlServiceProvider> sp = context.samlServiceProvider(entityId.get());
        if (sp.isEmpty() || sp.get().singleLogoutUrl().isEmpty()) {
            return page(404, "refused", "That service provider is not registered here with a single-logout URL.");
        }
        Optional<SpSessions.Session> session = sessions.last(entityId.get());
        if (session.isEmpty()) {
            return page(404, "refused", "You have no session at that service provider.");
        }
        SamlRuntime saml = SamlRuntime.get();
        Instant now = context.clock().instant();
        URI slo = sp.get().singleLogoutUrl().get();
        LogoutRequest logout = saml.build(LogoutRequest.DEFAULT_ELEMENT_NAME);
        logout.setID("_" + context.randomId());
        logout.setVersion(SAMLVersion.VERSION_20);
        logout.setIssueInstant(now);
        logout.setNotOnOrAfter(now.plus(REQUEST_LIFETIME));
        logout.setDestination(slo.toString());
        Issuer issuer = saml.build(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setValue(side.entityId(context));
        logout.setIssuer(issuer);
        NameID nameId = saml.build(NameID.DEFAULT_ELEMENT_NAME);
        nameId.setFormat(NameIDType.TRANSIENT);
        nameId.setValue(session.get().nameId());
        logout.setNameID(nameId);
        SessionIndex index = saml.build(SessionIndex.DEFAULT_ELEMENT_NAME);
        index.setValue(session.get().sessionIndex());
        logout.getSessionIndexes().add(index);
        String relayState = context.randomId();
        sessions.sent(logout.getID(), new SpSessions.Sent(entityId.get(), relayState, now), now);
        return FakeResponse.redirect(LogoutResponses.encode(slo, "SAMLRequest", logout, Optional.of(relayState),
                side.keys(context).current()));
    }

    /**
     * The SP's LogoutResponse at the IdP's SLO URL.
     *
     * @param signedBy whether the message's signature verifies with an SP's registered certificate
     */
    FakeResponse answered(XMLObject message, Optional<String> relayState, Predicate<SamlServiceProvider> signedBy,
                          FakeIdpContext context) {
        if (!(message instanceof LogoutResponse response)) {
            return page(400, "refused", "The SAMLResponse is not a LogoutResponse.");
        }
        Optional<SpSessions.Sent> sent = sessions.awaited(response.getInResponseTo(), context.clock().instant());
        if (sent.isEmpty()) {
            return page(400, "refused", "The LogoutResponse answers no logout this IdP started and awaits.");
        }
        Optional<String> problem = problem(response, sent.get(), relayState, signedBy, context);
        if (problem.isPresent()) {
            return page(400, "refused", "The LogoutResponse " + problem.get() + ".");
        }
        // Checked first, then taken: a refused answer does not spend the request a genuine one answers.
        if (!sessions.answer(response.getInResponseTo())) {
            return page(400, "refused", "The LogoutResponse answers a logout that was answered already.");
        }
        sessions.loggedOut(sent.get().spEntityId());
        return page(200, "logged-out", "You are logged out of " + side.idp().displayName() + " and of "
                + sent.get().spEntityId() + ".");
    }

    /** What is wrong with an answer to {@code sent}, if anything. */
    private Optional<String> problem(LogoutResponse response, SpSessions.Sent sent, Optional<String> relayState,
                                     Predicate<SamlServiceProvider> signedBy, FakeIdpContext context) {
        Optional<SamlServiceProvider> sp = context.samlServiceProvider(sent.spEntityId());
        if (sp.isEmpty() || sp.get().signingCertificate().isEmpty() || !signedBy.test(sp.get())) {
            return Optional.of("is not signed by the service provider's registered certificate");
        }
        if (response.getIssuer() == null || !sent.spEntityId().equals(response.getIssuer().getValue())) {
            return Optional.of("is not issued by the service provider the request went to");
        }
        if (!(context.baseUri() + side.sloPath()).equals(response.getDestination())) {
            return Optional.of("is not addressed to this IdP's single-logout URL");
        }
        if (!relayState.equals(Optional.of(sent.relayState()))) {
            return Optional.of("does not carry the RelayState back");
        }
        if (response.getStatus() == null || response.getStatus().getStatusCode() == null
                || !StatusCode.SUCCESS.equals(response.getStatus().getStatusCode().getValue())) {
            return Optional.of("reports that the service provider could not log out");
        }
        return Optional.empty();
    }

    private FakeResponse list(FakeIdpContext context) {
        StringBuilder links = new StringBuilder();
        for (String entityId : sessions.withSession()) {
            if (context.samlServiceProvider(entityId).flatMap(SamlServiceProvider::singleLogoutUrl).isPresent()) {
                links.append("<li><a href=\"").append(Html.escape(side.logoutPagePath() + "?sp="
                        + URLEncoder.encode(entityId, StandardCharsets.UTF_8))).append("\">Log out of ")
                        .append(Html.escape(entityId)).append("</a></li>");
            }
        }
        return FakeResponse.html(head() + "<h1>Log out</h1>" + (links.length() == 0
                ? "<p id=\"no-sessions\">No service provider has a session here.</p>"
                : "<ul id=\"sessions\">" + links + "</ul>") + "</body></html>");
    }

    private FakeResponse page(int status, String id, String message) {
        return FakeResponse.html(status, head() + "<p id=\"" + id + "\">" + Html.escape(message) + "</p></body></html>");
    }

    private String head() {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + Html.escape(side.idp().displayName())
                + "</title></head><body>";
    }
}
