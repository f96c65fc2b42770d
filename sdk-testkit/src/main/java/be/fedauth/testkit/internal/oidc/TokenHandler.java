package be.fedauth.testkit.internal.oidc;

import be.fedauth.testkit.OidcAttack;
import be.fedauth.testkit.OidcClient;
import be.fedauth.testkit.Person;
import be.fedauth.testkit.internal.FakeIdpContext;
import be.fedauth.testkit.internal.FakeRequest;
import be.fedauth.testkit.internal.FakeResponse;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The token endpoint ({@code access_token}: authorization code with PKCE, refresh) and userinfo, with
 * FAS's token shapes: access token 3599 s, ID token 3600 s with ForgeRock claims, {@code amr} the level
 * URN of the key, {@code acr} "0", userinfo as a signed JWT. Thread-safe.
 */
final class TokenHandler {
    private static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofSeconds(3599);
    private static final Duration ID_TOKEN_LIFETIME = Duration.ofSeconds(3600);
    private static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofHours(8);
    private static final String OTHER_ISSUER = "https://attacker.example/fas/oauth2";
    /** A valid national number that is no persona's (USERINFO_PLAIN_JSON_OTHER_IDENTITY). */
    static final String OTHER_NATIONAL_NUMBER = "93051822361";

    private final Grants grants;
    private final TokenFactory tokens;
    private final ClientAuthenticator clients = new ClientAuthenticator();

    TokenHandler(Grants grants, TokenFactory tokens) {
        this.grants = grants;
        this.tokens = tokens;
    }

    FakeResponse token(FakeRequest request, FakeIdpContext context) {
        if (!"POST".equals(request.method())) {
            return FakeResponse.text(405, "POST only");
        }
        Optional<OidcClient> client = clients.authenticate(request, context, context.oidcBase() + "/access_token");
        if (client.isEmpty()) {
            return oauthError(401, "invalid_client").withHeader("WWW-Authenticate", "Basic realm=\"fas\"");
        }
        String grantType = request.formParameter("grant_type").orElse("");
        Instant now = context.clock().instant();
        if ("authorization_code".equals(grantType)) {
            Optional<Grants.Code> code = request.formParameter("code").flatMap(grants::takeCode);
            if (code.isEmpty() || !now.isBefore(code.get().expiresAt())
                    || !code.get().grant().clientId().equals(client.get().clientId())
                    || !code.get().redirectUri().equals(request.formParameter("redirect_uri").orElse(""))
                    || !pkceHolds(code.get().codeChallenge(), request.formParameter("code_verifier"))) {
                return oauthError(400, "invalid_grant");
            }
            return issue(context, code.get().grant(), code.get().nonce(), Attacks.Point.ID_TOKEN);
        }
        if ("refresh_token".equals(grantType)) {
            Optional<Grants.Grant> grant = request.formParameter("refresh_token")
                    .flatMap(t -> grants.takeRefreshToken(t, now))
                    .filter(g -> g.clientId().equals(client.get().clientId()));
            if (grant.isEmpty()) {
                return oauthError(400, "invalid_grant");
            }
            return issue(context, grant.get(), Optional.empty(), Attacks.Point.REFRESH);
        }
        return oauthError(400, "unsupported_grant_type");
    }

    /** RFC 7636 4.6: S256 of the verifier equals the challenge; a verifier without a challenge is refused too. */
    private static boolean pkceHolds(Optional<String> challenge, Optional<String> verifier) {
        if (challenge.isEmpty()) {
            return verifier.isEmpty();
        }
        if (verifier.isEmpty() || !verifier.get().matches("[A-Za-z0-9._~-]{43,128}")) {
            return false;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.get().getBytes(StandardCharsets.US_ASCII));
            String computed = Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
            return MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII),
                    challenge.get().getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private FakeResponse issue(FakeIdpContext context, Grants.Grant grant, Optional<String> nonce, Attacks.Point point) {
        Instant now = context.clock().instant();
        String accessToken = context.randomId();
        String refreshToken = context.randomId();
        Optional<OidcAttack> attack = Attacks.take(context, point);
        if (attack.isEmpty()) {
            tokens.normalIdTokenIssued();
        }
        String idToken = tokens.sign(idTokenClaims(context, grant, nonce, attack), attack);
        grants.putAccessToken(accessToken, grant, now.plus(ACCESS_TOKEN_LIFETIME), idToken);
        grants.putRefreshToken(refreshToken, grant, now.plus(REFRESH_TOKEN_LIFETIME), idToken);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", accessToken);
        body.put("refresh_token", refreshToken);
        body.put("scope", String.join(" ", grant.scopes()));
        body.put("id_token", idToken);
        body.put("token_type", "Bearer");
        body.put("expires_in", ACCESS_TOKEN_LIFETIME.toSeconds());
        return FakeResponse.json(JSONObjectUtils.toJSONString(body)).withHeader("Pragma", "no-cache");
    }

    private static JWTClaimsSet idTokenClaims(FakeIdpContext context, Grants.Grant grant, Optional<String> nonce,
                                              Optional<OidcAttack> attack) {
        Instant now = context.clock().instant();
        Instant iat = now;
        Instant exp = now.plus(ID_TOKEN_LIFETIME);
        String issuer = context.oidcIssuer();
        Object aud = grant.clientId();
        Optional<String> azp = Optional.of(grant.clientId());
        String sub = grant.subject();
        Optional<String> tokenNonce = nonce;
        List<String> amr = FasClaims.amr(FasClaims.levelUrn(grant.key()), grant.key());
        boolean withIat = true;
        boolean withSub = true;
        if (attack.isPresent()) {
            switch (attack.get()) {
                case WRONG_ISSUER, REFRESH_OTHER_ISSUER -> issuer = OTHER_ISSUER;
                case WRONG_AUDIENCE -> aud = "another-client";
                case AUDIENCE_MISSING -> aud = null;
                case SEVERAL_AUDIENCES_WITHOUT_AZP -> {
                    aud = List.of(grant.clientId(), "another-client");
                    azp = Optional.empty();
                }
                case EXTRA_AUDIENCE -> aud = List.of(grant.clientId(), "another-client");
                case WRONG_AZP -> azp = Optional.of("another-client");
                case EXPIRED -> {
                    iat = now.minus(Duration.ofHours(2));
                    exp = now.minus(Duration.ofHours(1));
                }
                case IAT_IN_FUTURE -> {
                    iat = now.plus(Duration.ofHours(1));
                    exp = now.plus(Duration.ofHours(2));
                }
                case IAT_MISSING -> withIat = false;
                case IAT_TOO_OLD -> {
                    iat = now.minus(Duration.ofHours(1));
                    exp = now.plus(Duration.ofHours(1));
                }
                case SUB_MISSING -> withSub = false;
                case REFRESH_OTHER_SUBJECT -> sub = "0000000000000000000000000000000000000000";
                case NONCE_MISMATCH -> tokenNonce = Optional.of(context.randomId());
                case NONCE_MISSING -> tokenNonce = Optional.empty();
                case LEVEL_BELOW_REQUESTED -> amr = List.of("urn:be:fedict:iam:fas:Level200");
                default -> {
                    // A signature attack: the claims are the normal ones.
                }
            }
        }
        // ForgeRock AM's ID token claims, as in the 2019 FAS integration token (fas-reference.md).
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder()
                .claim("auditTrackingId", context.randomId().substring(0, 20))
                .issuer(issuer)
                .claim("tokenName", "id_token")
                .claim("aud", aud)
                .claim("auth_time", grant.authTime().getEpochSecond())
                .claim("realm", "/")
                .expirationTime(Date.from(exp))
                .claim("tokenType", "JWTToken")
                .claim("amr", amr)
                .claim("acr", "0");
        if (withSub) {
            b.subject(sub);
        }
        if (withIat) {
            b.issueTime(Date.from(iat));
        }
        azp.ifPresent(a -> b.claim("azp", a));
        tokenNonce.ifPresent(n -> b.claim("nonce", n));
        return b.build();
    }

    FakeResponse userinfo(FakeRequest request, FakeIdpContext context) {
        Optional<String> bearer = request.header("Authorization").filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).trim());
        Optional<Grants.Grant> grant = bearer.flatMap(t -> grants.accessToken(t, context.clock().instant()));
        Optional<Person> person = grant.flatMap(g -> context.personas().person(g.personId()));
        if (person.isEmpty()) {
            return FakeResponse.json(401, "{\"error\":\"invalid_token\"}")
                    .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
        Optional<OidcAttack> attack = Attacks.take(context, Attacks.Point.USERINFO);
        Map<String, Object> released = FasClaims.byScope(context, person.get(), grant.get().key(), grant.get().scopes());
        if (attack.filter(a -> a == OidcAttack.USERINFO_PLAIN_JSON_OTHER_IDENTITY).isPresent()) {
            Map<String, Object> plain = new LinkedHashMap<>(released);
            plain.put("sub", grant.get().subject());
            plain.put("egovNRN", OTHER_NATIONAL_NUMBER);
            plain.put("fedid", "ffffffffffffffffffffffffffffffffffffffff");
            return FakeResponse.json(JSONObjectUtils.toJSONString(plain)).withHeader("Cache-Control", "no-store");
        }
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder()
                .subject(attack.filter(a -> a == OidcAttack.USERINFO_SUB_MISMATCH).isPresent()
                        ? "0000000000000000000000000000000000000000" : grant.get().subject())
                .issuer(context.oidcIssuer());
        if (attack.filter(a -> a == OidcAttack.USERINFO_AUDIENCE_MISSING).isEmpty()) {
            b.audience(grant.get().clientId());
        }
        if (attack.filter(a -> a == OidcAttack.USERINFO_IAT_TOO_OLD).isPresent()) {
            b.issueTime(Date.from(context.clock().instant().minus(Duration.ofHours(1))));
        }
        released.forEach(b::claim);
        String jwt = tokens.sign(b.build(), attack);
        return FakeResponse.of(200, "application/jwt", jwt).withHeader("Cache-Control", "no-store");
    }

    FakeResponse introspect(FakeRequest request, FakeIdpContext context) {
        Optional<OidcClient> client = clients.authenticate(request, context, context.oidcBase() + "/introspect");
        if (client.isEmpty()) {
            return oauthError(401, "invalid_client");
        }
        Instant now = context.clock().instant();
        Optional<Grants.Grant> grant = request.formParameter("token").flatMap(t -> grants.anyToken(t, now))
                .filter(g -> g.clientId().equals(client.get().clientId()));
        if (grant.isEmpty()) {
            return FakeResponse.json("{\"active\":false}");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("active", true);
        body.put("client_id", grant.get().clientId());
        body.put("sub", grant.get().subject());
        body.put("scope", String.join(" ", grant.get().scopes()));
        body.put("token_type", "Bearer");
        return FakeResponse.json(JSONObjectUtils.toJSONString(body));
    }

    static FakeResponse oauthError(int status, String error) {
        return FakeResponse.json(status, "{\"error\":\"" + error + "\"}");
    }
}
