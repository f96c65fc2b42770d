package be.fedauth.demo;

import static be.fedauth.demo.Html.esc;

import be.fedauth.core.AccessDecision;
import be.fedauth.core.AuthenticatedUser;
import be.fedauth.core.AuthenticationProvider;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.EService;
import be.fedauth.core.Enterprise;
import be.fedauth.core.Identity;
import be.fedauth.core.KeyRetirement;
import be.fedauth.core.Language;
import be.fedauth.core.Mandate;
import be.fedauth.core.NationalRegisterNumber;
import be.fedauth.core.Notice;
import be.fedauth.core.RoleGrant;
import be.fedauth.core.Transition;
import be.fedauth.core.TransitionAuthenticationProvider;
import be.fedauth.servlet.FedAuthSession;
import be.fedauth.servlet.FedAuthSettings;
import be.fedauth.servlet.UserJson;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The portal's own pages: the login choices, "my access", the three e-services and {@code /api/me}. */
final class PortalServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    /** How /me shows a login whose identity provider reported a level only. */
    static final String UNNAMED_KEY = "not named by the identity provider";

    private final transient FedAuthSettings settings;
    private final transient EnterpriseRegister register;

    PortalServlet(FedAuthSettings settings, EnterpriseRegister register) {
        this.settings = settings;
        this.register = register;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        Optional<AuthenticatedUser> user = FedAuthSession.user(request);
        switch (path) {
            case "/" -> html(response, Html.page("fedauth demo customs portal", home(request, user)));
            case "/me" -> html(response, Html.page("My access", me(user.orElseThrow())));
            case "/emcs", "/ncts", "/plda" -> html(response, Html.page(path.substring(1).toUpperCase(),
                    eService(request, user.orElseThrow(), EService.builtIn(path.substring(1)).orElseThrow())));
            case "/api/me" -> apiMe(response, user);
            case "/logged-out" -> html(response, Html.page("Logged out", "<p id=\"logged-out\">You are logged out of the"
                    + " portal" + (user.isPresent() ? " (a new session has started since)" : "") + ".</p>"
                    + "<p><a href=\"/\">Log in again</a></p>"));
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private String home(HttpServletRequest request, Optional<AuthenticatedUser> user) {
        Instant now = settings.clock().instant();
        StringBuilder body = new StringBuilder();
        body.append("<p>Demo clock: <b id=\"clock\">").append(esc(now)).append("</b></p>");
        settings.providers(EService.NCTS).values().stream().filter(TransitionAuthenticationProvider.class::isInstance)
                .map(TransitionAuthenticationProvider.class::cast).findFirst().ifPresent(t -> {
                    Transition tr = t.transition();
                    body.append("<p id=\"ncts-phase\">NCTS: ").append(esc(t.phase())).append(" (social-security login until ")
                            .append(esc(tr.lastLegacyDay())).append(" inclusive)</p>");
                });
        user.ifPresent(u -> body.append("<p>Logged in as ").append(esc(u.identity().givenName())).append(' ')
                .append(esc(u.identity().familyName())).append(". <a href=\"/me\">My access</a>")
                .append(" <a id=\"logout\" href=\"/logout\">Log out</a></p>"));
        String returnTo = request.getParameter("returnTo");
        String back = returnTo != null && returnTo.startsWith("/") && !returnTo.startsWith("//")
                ? "&returnTo=" + enc(returnTo) : "";
        if (!back.isEmpty()) {
            body.append("<p class=\"notice\">Log in to reach ").append(esc(returnTo)).append(".</p>");
        }
        body.append("<h2>Log in</h2><p>Choose the e-service, the protocol and the digital key. The identity provider's"
                + " page then asks who you are.</p><table><tr><th>e-service</th><th>protocol</th><th>digital keys</th></tr>");
        for (EService service : settings.eServices()) {
            for (Map.Entry<String, AuthenticationProvider> entry : settings.providers(service).entrySet()) {
                String base = "/login?service=" + service.id() + "&protocol=" + entry.getKey() + back;
                body.append("<tr><td>").append(esc(service.id())).append("</td><td>").append(esc(entry.getKey()))
                        .append(" (").append(esc(entry.getValue().id())).append(")</td><td>");
                // A key below the e-service's minimum level would only end in level_too_low.
                for (DigitalKey key : offered(entry.getValue(), now)) {
                    if (!key.satisfies(settings.minimumLevel(service))) {
                        continue;
                    }
                    body.append("<a class=\"key\" href=\"").append(esc(base + "&key=" + key.name())).append("\">")
                            .append(esc(key.name())).append("</a> ");
                }
                body.append("<a href=\"").append(esc(base)).append("\">any key</a></td></tr>");
            }
        }
        return body.append("</table><p>API: <a href=\"/api/me\">/api/me</a></p>").toString();
    }

    /** The keys the provider offers now, less the token after its retirement. */
    private static Set<DigitalKey> offered(AuthenticationProvider provider, Instant now) {
        Set<DigitalKey> keys = new TreeSet<>(provider.keys());
        if (KeyRetirement.TOKEN.isRetiredAt(now)) {
            keys.remove(KeyRetirement.TOKEN.key());
        }
        return keys;
    }

    private String me(AuthenticatedUser user) {
        Identity id = user.identity();
        StringBuilder body = new StringBuilder("<table>");
        row(body, "Name", id.givenName() + " " + id.familyName());
        row(body, "National number", id.nationalNumber().map(NationalRegisterNumber::formatted).orElse("none (foreigner)"));
        row(body, "Federal id", id.federalId().orElse("none"));
        row(body, "Language", id.language().code());
        row(body, "E-mail", id.email().orElse("none"));
        row(body, "Digital key", user.key() == be.fedauth.core.DigitalKey.UNNAMED ? UNNAMED_KEY : user.key().name());
        row(body, "Level", user.level().value() + " (eIDAS " + user.level().eidas() + ")");
        row(body, "Provider", user.provider().value());
        row(body, "Authenticated at", user.authenticatedAt().toString());
        body.append("</table>");
        for (Notice notice : user.notices()) {
            body.append("<p class=\"notice\" id=\"notice-").append(esc(notice.code())).append("\">")
                    .append(esc(notice.message(Language.EN))).append("</p>");
        }
        body.append("<h2>Roles</h2><table><tr><th>e-service</th><th>enterprise</th><th>role</th><th>state</th><th>from</th>"
                + "<th>until</th></tr>");
        for (RoleGrant r : user.roles()) {
            body.append("<tr><td>").append(esc(r.eServiceId())).append("</td><td>").append(esc(r.enterprise()))
                    .append("</td><td>").append(esc(r.roleName())).append("</td><td>").append(esc(r.state()))
                    .append("</td><td>").append(esc(r.validFrom())).append("</td><td>")
                    .append(esc(r.validUntil().map(Instant::toString).orElse(""))).append("</td></tr>");
        }
        body.append("</table><h2>Mandates</h2><table><tr><th>giver</th><th>type</th><th>e-services</th><th>until</th>"
                + "<th>signed</th></tr>");
        for (Mandate m : user.mandates()) {
            body.append("<tr><td>").append(esc(m.giver())).append("</td><td>").append(esc(m.type())).append("</td><td>")
                    .append(esc(new TreeSet<>(m.eServiceIds()))).append("</td><td>").append(esc(m.validUntil()))
                    .append("</td><td>").append(m.isSigned() ? "yes" : "no").append("</td></tr>");
        }
        body.append("</table><h2>Where you may go</h2><table><tr><th>enterprise</th><th>e-service</th><th>access</th></tr>");
        for (Enterprise enterprise : register.enterprisesOf(user)) {
            for (EService service : EService.builtIn()) {
                AccessDecision decision = settings.accessPolicy().decide(user, service, enterprise);
                String link = "/" + service.id().toLowerCase(java.util.Locale.ROOT) + "?enterprise=" + enterprise.number().digits();
                body.append("<tr><td>").append(esc(enterprise.name())).append(" (").append(esc(enterprise.number()))
                        .append(")</td><td><a href=\"").append(esc(link)).append("\">").append(esc(service.id()))
                        .append("</a></td><td class=\"").append(decision.isPermitted() ? "permitted" : "denied")
                        .append("\" data-code=\"").append(esc(decision.reason().map(c -> c.id()).orElse(decision.basis().name())))
                        .append("\">");
                if (decision.isPermitted()) {
                    body.append("yes, as ").append(esc(decision.basis()));
                } else {
                    body.append("no: ").append(esc(decision.guidance(Language.EN).orElseThrow().message()));
                }
                body.append("</td></tr>");
            }
        }
        return body.append("</table>").toString();
    }

    private String eService(HttpServletRequest request, AuthenticatedUser user, EService service) {
        AccessDecision decision = FedAuthSession.accessDecision(request).orElseThrow();
        Enterprise enterprise = register.enterprise(decision.enterprise());
        StringBuilder body = new StringBuilder("<p>").append(esc(service.name())).append("</p><p id=\"access\">")
                .append(esc(user.identity().givenName())).append(" works in ").append(esc(service.id()))
                .append(" for ").append(esc(enterprise.name())).append(" (").append(esc(enterprise.number()))
                .append(") as ").append(esc(decision.basis())).append(".</p><p>Act for: ");
        for (Enterprise e : register.enterprisesOf(user)) {
            body.append("<a href=\"?enterprise=").append(esc(e.number().digits())).append("\">").append(esc(e.name()))
                    .append("</a> ");
        }
        return body.append("</p>").toString();
    }

    private static void apiMe(HttpServletResponse response, Optional<AuthenticatedUser> user) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json;charset=UTF-8");
        if (user.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "FedAuth realm=\"/\"");
            response.getWriter().write("{\"error\":\"not_authenticated\"}");
            return;
        }
        response.getWriter().write(UserJson.forUser(user.get(), Language.EN));
    }

    private static void row(StringBuilder body, String name, String value) {
        body.append("<tr><th>").append(esc(name)).append("</th><td>").append(esc(value)).append("</td></tr>");
    }

    private static void html(HttpServletResponse response, String page) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(page);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
