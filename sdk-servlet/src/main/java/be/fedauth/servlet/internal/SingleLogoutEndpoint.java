package be.fedauth.servlet.internal;

import be.fedauth.core.AuthenticatedUser;
import be.fedauth.core.AuthenticationException;
import be.fedauth.core.AuthenticationProvider;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.FedAuthException;
import be.fedauth.core.Guidance;
import be.fedauth.core.IdpLogoutRequest;
import be.fedauth.core.Language;
import be.fedauth.core.SingleLogout;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /saml/slo}: the single-logout URL of the providers that take part in single logout
 * ({@link AuthenticationProvider#singleLogout()}), for the two messages the identity provider sends
 * through the browser over HTTP-Redirect (SAML Profiles 4.4). Each message goes to the configured
 * provider whose identity provider {@linkplain SingleLogout#recognises issued it} (the one that logged
 * this browser's user in is asked first); that provider verifies it from the raw query string.
 * <ul>
 *   <li>{@code SAMLRequest}, a logout the identity provider started (the user logged out there, or in
 *       another application of the same login): when this browser's session was made by that provider
 *       and the request names its subject and session, the session ends; then the browser carries the
 *       signed LogoutResponse back. A browser without such a session gets the same successful answer:
 *       no session of that subject is left here (sessions live in each browser's HTTP session, and the
 *       front-channel request arrives in the user's own browser, whose cookie names its session).</li>
 *   <li>{@code SAMLResponse}, the answer to a logout this application started at the logout endpoint:
 *       checked against the state kept in the logout cookie ({@link LogoutCookie}, read once), then the
 *       browser goes to the after-logout path.</li>
 * </ul>
 * A message that fails a check is answered with the refusal page (status and {@code FedAuth-Error} of
 * its {@link ErrorCode}); the local session a failed answer concerned has ended already.
 */
public final class SingleLogoutEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(SingleLogoutEndpoint.class);

    private final Config config;
    private final LogoutCookie cookie;

    /** An endpoint with this configuration, reading the state from this cookie. */
    public SingleLogoutEndpoint(Config config, LogoutCookie cookie) {
        this.config = config;
        this.cookie = cookie;
    }

    /** Handles one request to the single-logout path. */
    public void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"GET".equals(request.getMethod())) {
            // Only the HTTP-Redirect binding: the providers' metadata names no other.
            Requests.methodNotAllowed(response, "GET");
            return;
        }
        String rawQuery = request.getQueryString() == null ? "" : request.getQueryString();
        Optional<AuthenticatedUser> user = Sessions.user(request);
        Language language = Languages.choose(Requests.langParameter(request), request.getHeader("Accept-Language"),
                user, config.defaultLanguage());
        boolean isRequest = has(rawQuery, "SAMLRequest");
        boolean isResponse = has(rawQuery, "SAMLResponse");
        Optional<String> state = isResponse ? cookie.take(request, response) : Optional.empty();
        Optional<AuthenticationProvider> provider = Optional.empty();
        try {
            if (isRequest == isResponse) {
                throw new AuthenticationException(ErrorCode.MALFORMED_CALLBACK,
                        "a single-logout message carries exactly one of SAMLRequest and SAMLResponse");
            }
            provider = Optional.of(recogniser(rawQuery, user));
            SingleLogout logout = provider.get().singleLogout().orElseThrow();
            if (isRequest) {
                requested(request, response, provider.get(), logout.handleLogoutRequest(rawQuery), user, language);
                return;
            }
            logout.finishLogout(rawQuery, state.orElseThrow(() -> new AuthenticationException(ErrorCode.STATE_MISMATCH,
                    "no logout started in this browser is waiting for an answer")));
            LOG.info("logout at the identity provider of {} confirmed", provider.get().id());
            Responses.redirect(response, Requests.contextPath(request) + config.afterLogoutPath());
        } catch (FedAuthException e) {
            LOG.info("single-logout {} refused: {}", isResponse ? "response" : "request", e.getMessage());
            if (provider.isEmpty()) {
                // The providers audit their own refusals; this one reached none.
                config.audit().record("logout_message_refused", "none", user, Optional.of(e.code()), Map.of());
            }
            config.pages().logoutRefusal(response, Responses.status(e), Guidance.of(e.code(), language), Optional.empty());
        }
    }

    /** Ends this browser's session if the request names it, then sends the browser on with the answer. */
    private void requested(HttpServletRequest request, HttpServletResponse response, AuthenticationProvider provider,
                           IdpLogoutRequest logout, Optional<AuthenticatedUser> user, Language language)
            throws IOException {
        boolean ends = user.isPresent() && provider.finishes(user.get().session().provider())
                && logout.matches(user.get().session());
        if (ends) {
            Sessions.logout(request);
            config.audit().record("logout", user.get().provider().value(), user, Optional.empty(),
                    Map.of("initiator", "identity_provider"));
        }
        LOG.info("logout requested by the identity provider of {}: {}", provider.id(),
                ends ? "this browser's session ended" : "no session of that subject in this browser");
        Requests.send(response, logout.response(), config.pages(), language);
    }

    /**
     * The configured provider whose identity provider issued the message, the one that made this
     * browser's session asked first.
     *
     * @throws AuthenticationException {@code issuer_mismatch} when none recognises it
     */
    private AuthenticationProvider recogniser(String rawQuery, Optional<AuthenticatedUser> user) {
        List<AuthenticationProvider> candidates = new ArrayList<>();
        user.flatMap(u -> config.routes().anyCovering(u.session().provider())).ifPresent(candidates::add);
        config.routes().all().stream().filter(p -> !candidates.contains(p)).forEach(candidates::add);
        for (AuthenticationProvider p : candidates) {
            if (p.singleLogout().map(s -> s.recognises(rawQuery)).orElse(false)) {
                return p;
            }
        }
        throw new AuthenticationException(ErrorCode.ISSUER_MISMATCH,
                "no configured provider takes single-logout messages from this issuer");
    }

    /** Whether the raw query has a parameter of this name (names are not encoded by SAML's bindings). */
    private static boolean has(String rawQuery, String name) {
        for (String pair : rawQuery.split("&")) {
            if (pair.equals(name) || pair.startsWith(name + "=")) {
                return true;
            }
        }
        return false;
    }
}
