package be.fedauth.testkit.internal.oidc;

import be.fedauth.testkit.OidcAttack;
import be.fedauth.testkit.OidcClient;
import be.fedauth.testkit.internal.FakeIdpContext;
import be.fedauth.testkit.internal.FakeRequest;
import be.fedauth.testkit.internal.FakeResponse;
import be.fedauth.testkit.internal.ProtocolEndpoints;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fake FAS's OpenID Connect provider under {@code /fas/oauth2}: discovery, {@code authorize},
 * {@code access_token}, {@code userinfo}, {@code introspect}, {@code connect/jwk_uri},
 * {@code connect/endSession} (fas-reference.md). Registered by the shell through
 * {@link be.fedauth.testkit.internal.EndpointRegistry}. Thread-safe.
 */
public final class OidcEndpoints implements ProtocolEndpoints {
    private static final String BASE = "/fas/oauth2";

    private final Grants grants = new Grants();
    private final TokenFactory tokens;
    private final AuthorizeHandler authorize = new AuthorizeHandler(grants);
    private final TokenHandler tokenHandler;

    /** The endpoints of one fake server. */
    public OidcEndpoints(FakeIdpContext context) {
        this.tokens = new TokenFactory(context);
        this.tokenHandler = new TokenHandler(grants, tokens);
    }

    @Override
    public boolean handles(FakeRequest request) {
        return request.path().startsWith(BASE + "/") || request.path().startsWith("/attacker/");
    }

    @Override
    public FakeResponse handle(FakeRequest request, FakeIdpContext context) {
        String path = request.path();
        String method = request.method();
        return switch (path) {
            case BASE + "/.well-known/openid-configuration" -> get(method, () -> discovery(context));
            case BASE + "/connect/jwk_uri" -> get(method, () -> FakeResponse.of(200, "application/json",
                    tokens.jwks(Attacks.take(context, Attacks.Point.JWKS))));
            case BASE + "/authorize" -> authorize.handle(request, context);
            case BASE + "/access_token" -> tokenHandler.token(request, context);
            case BASE + "/userinfo" -> tokenHandler.userinfo(request, context);
            case BASE + "/introspect" -> "POST".equals(method) ? tokenHandler.introspect(request, context)
                    : FakeResponse.text(405, "POST only");
            case BASE + "/connect/endSession" -> endSession(request, context);
            case "/attacker/jwks" -> FakeResponse.of(200, "application/json", tokens.attackerJwks());
            default -> FakeResponse.text(404, "not found");
        };
    }

    private static FakeResponse get(String method, java.util.function.Supplier<FakeResponse> answer) {
        return "GET".equals(method) || "HEAD".equals(method) ? answer.get() : FakeResponse.text(405, "GET only");
    }

    private static FakeResponse discovery(FakeIdpContext context) {
        String base = context.oidcBase();
        String issuer = Attacks.take(context, Attacks.Point.DISCOVERY)
                .filter(a -> a == OidcAttack.DISCOVERY_WRONG_ISSUER)
                .map(a -> "https://attacker.example/fas/oauth2").orElse(context.oidcIssuer());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", issuer);
        doc.put("authorization_endpoint", base + "/authorize");
        doc.put("token_endpoint", base + "/access_token");
        doc.put("userinfo_endpoint", base + "/userinfo");
        doc.put("introspection_endpoint", base + "/introspect");
        doc.put("jwks_uri", base + "/connect/jwk_uri");
        doc.put("end_session_endpoint", base + "/connect/endSession");
        doc.put("response_types_supported", List.of("code"));
        doc.put("grant_types_supported", List.of("authorization_code", "refresh_token"));
        doc.put("subject_types_supported", List.of("public"));
        doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
        doc.put("userinfo_signing_alg_values_supported", List.of("RS256"));
        doc.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "private_key_jwt"));
        doc.put("code_challenge_methods_supported", List.of("S256"));
        doc.put("scopes_supported", List.of("openid", "profile", "egovnrn", "certificateInfo", "citizen", "enterprise",
                "roles"));
        doc.put("claims_supported", List.of("sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "amr", "acr",
                "egovNRN", "givenName", "surname", "prefLanguage", "mail", "fedid", "roles", "mandates"));
        doc.put("acr_values_supported", List.of("urn:be:fedict:iam:fas:Level100", "urn:be:fedict:iam:fas:Level200",
                "urn:be:fedict:iam:fas:Level300", "urn:be:fedict:iam:fas:Level350", "urn:be:fedict:iam:fas:Level400",
                "urn:be:fedict:iam:fas:Level450", "urn:be:fedict:iam:fas:Level500"));
        doc.put("ui_locales_supported", List.of("fr", "nl", "de", "en"));
        return FakeResponse.json(JSONObjectUtils.toJSONString(doc));
    }

    /**
     * RP-initiated logout: a present {@code id_token_hint} must be one of ours; the browser returns to
     * {@code post_logout_redirect_uri} only when it has the origin of one of the client's redirect URIs.
     */
    private FakeResponse endSession(FakeRequest request, FakeIdpContext context) {
        Optional<String> hint = request.parameter("id_token_hint");
        Optional<String> clientId = request.parameter("client_id");
        if (hint.isPresent()) {
            if (!tokens.issuedHere(hint.get())) {
                return FakeResponse.html(400, AuthorizeHandler.page("The id_token_hint was not issued here."));
            }
            try {
                JWTClaimsSet claims = SignedJWT.parse(hint.get()).getJWTClaimsSet();
                List<String> aud = claims.getAudience();
                if (clientId.isEmpty() && !aud.isEmpty()) {
                    clientId = Optional.of(aud.get(0));
                }
                // The session ends: the tokens that login was issued stop working (and leave memory).
                grants.revoke(hint.get());
            } catch (java.text.ParseException e) {
                return FakeResponse.html(400, AuthorizeHandler.page("The id_token_hint is malformed."));
            }
        }
        Optional<String> target = request.parameter("post_logout_redirect_uri");
        Optional<OidcClient> client = clientId.flatMap(context::oidcClient);
        if (target.isPresent() && client.isPresent() && sameOriginAsRedirect(target.get(), client.get())) {
            Map<String, String> params = new LinkedHashMap<>();
            request.parameter("state").ifPresent(s -> params.put("state", s));
            return FakeResponse.redirect(params.isEmpty() ? target.get() : AuthorizeHandler.withQuery(target.get(), params));
        }
        return FakeResponse.html(AuthorizeHandler.page("You are logged out of the fake FAS."));
    }

    private static boolean sameOriginAsRedirect(String target, OidcClient client) {
        try {
            URI t = URI.create(target);
            return client.redirectUris().stream().anyMatch(u -> u.getScheme().equals(t.getScheme())
                    && u.getHost().equalsIgnoreCase(t.getHost()) && u.getPort() == t.getPort());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
