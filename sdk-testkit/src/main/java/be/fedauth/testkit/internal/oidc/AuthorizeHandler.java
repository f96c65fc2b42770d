package be.fedauth.testkit.internal.oidc;

import be.fedauth.core.internal.html.Html;
import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.Language;
import be.fedauth.testkit.OidcAttack;
import be.fedauth.testkit.OidcClient;
import be.fedauth.testkit.Person;
import be.fedauth.testkit.internal.FakeIdpContext;
import be.fedauth.testkit.internal.FakeRequest;
import be.fedauth.testkit.internal.FakeResponse;
import be.fedauth.testkit.internal.Idp;
import be.fedauth.testkit.internal.LoginCheck;
import be.fedauth.testkit.internal.PendingAuthorization;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The authorization endpoint (OIDC Core 3.1.2): validates the request, then hands the login over to
 * the shell ({@link FakeIdpContext#login}). An unknown client or a redirect URI that is not exactly a
 * registered one gets an error page, never a redirect (RFC 6749 4.1.2.1); other errors are
 * redirected. PKCE: only S256 (RFC 7636 4.3); {@code acr_values} give the minimum level.
 */
final class AuthorizeHandler {
    /** FAS codes are short-lived; one minute here. */
    static final Duration CODE_LIFETIME = Duration.ofMinutes(1);
    private static final Pattern LEVEL = Pattern.compile("urn:be:fedict:iam:fas:(?:citizen:|enterprise:)?Level(\\d{3})");
    private static final List<String> SINGLE = List.of("client_id", "redirect_uri", "response_type", "scope", "state",
            "nonce", "code_challenge", "code_challenge_method", "acr_values", "ui_locales");

    private final Grants grants;

    AuthorizeHandler(Grants grants) {
        this.grants = grants;
    }

    FakeResponse handle(FakeRequest request, FakeIdpContext context) {
        for (String name : SINGLE) {
            if (request.parameterCount(name) > 1) {
                return FakeResponse.html(400, page("The parameter " + name + " is repeated."));
            }
        }
        Optional<OidcClient> client = request.parameter("client_id").flatMap(context::oidcClient);
        if (client.isEmpty()) {
            return FakeResponse.html(400, page("Unknown client."));
        }
        String redirect = request.parameter("redirect_uri").orElse("");
        if (client.get().redirectUris().stream().noneMatch(u -> u.toString().equals(redirect))) {
            return FakeResponse.html(400, page("This redirect URI is not registered for the client."));
        }
        Optional<String> state = request.parameter("state");
        if (!"code".equals(request.parameter("response_type").orElse(""))) {
            return error(redirect, "unsupported_response_type", state);
        }
        List<String> scopes = Arrays.asList(request.parameter("scope").orElse("").trim().split("\\s+"));
        if (!scopes.contains("openid")) {
            return error(redirect, "invalid_scope", state);
        }
        Optional<String> challenge = request.parameter("code_challenge");
        Optional<String> method = request.parameter("code_challenge_method");
        if (method.isPresent() && (!"S256".equals(method.get()) || challenge.isEmpty())
                || challenge.isPresent() && method.isEmpty()) {
            return error(redirect, "invalid_request", state);
        }
        Optional<AssuranceLevel> minimum = minimumLevel(request.parameter("acr_values").orElse(""));
        Language language = request.parameter("ui_locales").map(s -> s.trim().split("\\s+")[0])
                .flatMap(Language::fromCode).orElse(Language.FR);
        return context.login(new Authorization(context, client.get().clientId(), redirect, List.copyOf(scopes), state,
                request.parameter("nonce"), challenge, minimum, language));
    }

    /** The lowest level named in acr_values (a requested level N admits every key of level N or more). */
    static Optional<AssuranceLevel> minimumLevel(String acrValues) {
        Optional<AssuranceLevel> min = Optional.empty();
        for (String value : acrValues.trim().split("\\s+")) {
            Matcher m = LEVEL.matcher(value);
            if (m.matches()) {
                try {
                    AssuranceLevel level = AssuranceLevel.ofValue(Integer.parseInt(m.group(1)));
                    if (min.isEmpty() || level.compareTo(min.get()) < 0) {
                        min = Optional.of(level);
                    }
                } catch (IllegalArgumentException e) {
                    // Not a FAS level: ignored, as unknown acr values are (OIDC Core 5.5.1.1).
                }
            }
        }
        return min;
    }

    private static FakeResponse error(String redirect, String error, Optional<String> state) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", error);
        state.ifPresent(s -> params.put("state", s));
        return FakeResponse.redirect(withQuery(redirect, params));
    }

    static String withQuery(String base, Map<String, String> params) {
        return base + (base.contains("?") ? "&" : "?") + params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    static String page(String message) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Fake FAS</title></head><body><h1>Fake FAS</h1><p>"
                + Html.escape(message) + "</p></body></html>";
    }

    /** A validated authorization request waiting for the login. */
    private final class Authorization implements PendingAuthorization {
        private final FakeIdpContext context;
        private final String clientId;
        private final String redirect;
        private final List<String> scopes;
        private final Optional<String> state;
        private final Optional<String> nonce;
        private final Optional<String> challenge;
        private final Optional<AssuranceLevel> minimum;
        private final Language language;

        Authorization(FakeIdpContext context, String clientId, String redirect, List<String> scopes,
                      Optional<String> state, Optional<String> nonce, Optional<String> challenge,
                      Optional<AssuranceLevel> minimum, Language language) {
            this.context = context;
            this.clientId = clientId;
            this.redirect = redirect;
            this.scopes = scopes;
            this.state = state;
            this.nonce = nonce;
            this.challenge = challenge;
            this.minimum = minimum;
            this.language = language;
        }

        @Override
        public FakeResponse complete(Person person, DigitalKey key) {
            Instant now = context.clock().instant();
            String code = context.randomId();
            grants.putCode(code, new Grants.Code(new Grants.Grant(clientId, person.id(), key, scopes, now,
                    person.fedid()), redirect, nonce, challenge, now.plus(CODE_LIFETIME)));
            Map<String, String> params = new LinkedHashMap<>();
            params.put("code", code);
            state.ifPresent(s -> params.put("state", s));
            Attacks.take(context, Attacks.Point.AUTHORIZATION_RESPONSE).ifPresent(a -> {
                if (a == OidcAttack.WRONG_ISS_PARAMETER) {
                    params.put("iss", "https://attacker.example/fas/oauth2");
                }
            });
            return FakeResponse.redirect(withQuery(redirect, params));
        }

        @Override
        public FakeResponse refuse(LoginCheck.Refusal refusal) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("error", "access_denied");
            params.put("error_description", refusal.description());
            state.ifPresent(s -> params.put("state", s));
            return FakeResponse.redirect(withQuery(redirect, params));
        }

        @Override
        public Set<DigitalKey> requestedKeys() {
            return Set.of();
        }

        @Override
        public Optional<AssuranceLevel> minimumLevel() {
            return minimum;
        }

        @Override
        public Language language() {
            return language;
        }

        @Override
        public Idp idp() {
            return Idp.FAS;
        }

        @Override
        public String relyingParty() {
            return clientId;
        }
    }
}
