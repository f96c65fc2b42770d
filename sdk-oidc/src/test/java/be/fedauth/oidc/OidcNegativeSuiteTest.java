package be.fedauth.oidc;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.AuthenticatedUser;
import be.fedauth.core.CallbackRequest;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.FedAuthException;
import be.fedauth.core.LoginRedirect;
import be.fedauth.core.LoginRequest;
import be.fedauth.core.PendingLogin;
import be.fedauth.core.spi.LevelVocabulary;
import be.fedauth.oidc.internal.StallingServer;
import be.fedauth.testkit.Endpoint;
import be.fedauth.testkit.EndpointFault;
import be.fedauth.testkit.OidcAttack;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The OpenID Foundation RP conformance cases and the OAuth security BCP cases, one per constant,
 * against the fake FAS of sdk-testkit: each asserts the error code and passes only if its check exists.
 */
class OidcNegativeSuiteTest {
    private final FakeFasFixture f = new FakeFasFixture();

    @AfterEach
    void stop() {
        f.close();
    }

    /** One attack on the relying party. */
    @FunctionalInterface
    interface Scenario {
        void run(FakeFasFixture f) throws Exception;
    }

    enum Attack {
        // ID token signature and header (OIDC Core 3.1.3.7 steps 6-8, RFC 8725 3.1).
        BAD_SIGNATURE_RS256(ErrorCode.INVALID_SIGNATURE, f -> attacked(f, OidcAttack.BAD_SIGNATURE)),
        BAD_SIGNATURE_ES256(ErrorCode.INVALID_SIGNATURE, f -> attacked(f, OidcAttack.ES256_BAD_SIGNATURE)),
        ALG_NONE(ErrorCode.UNSUPPORTED_ALGORITHM, f -> attacked(f, OidcAttack.ALG_NONE)),
        HS256_KEYED_WITH_THE_RSA_PUBLIC_KEY(ErrorCode.UNSUPPORTED_ALGORITHM, f -> attacked(f, OidcAttack.HS256_WITH_PUBLIC_KEY)),
        UNKNOWN_KID(ErrorCode.INVALID_SIGNATURE, f -> attacked(f, OidcAttack.UNKNOWN_KID)),
        KID_ABSENT_WITH_SEVERAL_KEYS(ErrorCode.INVALID_SIGNATURE, f -> {
            f.fas.rotateSigningKey();
            attacked(f, OidcAttack.KID_ABSENT);
        }),
        JKU_HEADER_IGNORED(ErrorCode.INVALID_SIGNATURE, f -> attacked(f, OidcAttack.JKU_HEADER)),
        X5U_HEADER_IGNORED(ErrorCode.INVALID_SIGNATURE, f -> attacked(f, OidcAttack.X5U_HEADER)),
        EMBEDDED_JWK_IGNORED(ErrorCode.INVALID_SIGNATURE, f -> attacked(f, OidcAttack.JWK_HEADER)),
        KEY_PUBLISHED_WITH_KEY_OPS_WITHOUT_VERIFY(ErrorCode.INVALID_SIGNATURE, f -> attacked(f, OidcAttack.KEY_OPS_WITHOUT_VERIFY)),
        KEY_PUBLISHED_FOR_ENCRYPTION(ErrorCode.INVALID_SIGNATURE, f -> attacked(f, OidcAttack.KEY_USE_ENC)),
        TYP_AT_JWT(ErrorCode.TOKEN_TYPE_MISMATCH, f -> attacked(f, OidcAttack.TYP_AT_JWT)),
        JWKS_REFETCH_EMPTY(ErrorCode.IDP_INVALID_RESPONSE, f -> {
            OidcProvider provider = f.provider();
            f.login(provider, "citizen", DigitalKey.EID);
            f.fas.queueAttack(OidcAttack.UNKNOWN_KID);
            f.fas.queueAttack(OidcAttack.JWKS_EMPTY);
            f.login(provider, "citizen", DigitalKey.EID);
        }),
        JWKS_FIRST_FETCH_WITH_ENCRYPTION_KEYS_ONLY(ErrorCode.IDP_INVALID_RESPONSE, f -> {
            f.fas.queueAttack(OidcAttack.JWKS_ENCRYPTION_KEYS_ONLY);
            f.login(f.provider(), "citizen", DigitalKey.EID);
        }),
        // ID token claims (OIDC Core 3.1.3.7 steps 2-4, 9-11).
        ISS_MISMATCH(ErrorCode.ISSUER_MISMATCH, f -> attacked(f, OidcAttack.WRONG_ISSUER)),
        AUD_INVALID(ErrorCode.AUDIENCE_MISMATCH, f -> attacked(f, OidcAttack.WRONG_AUDIENCE)),
        AUD_MISSING(ErrorCode.AUDIENCE_MISMATCH, f -> attacked(f, OidcAttack.AUDIENCE_MISSING)),
        SEVERAL_AUDIENCES_WITHOUT_AZP(ErrorCode.AUTHORIZED_PARTY_MISMATCH, f -> attacked(f, OidcAttack.SEVERAL_AUDIENCES_WITHOUT_AZP)),
        AUD_WITH_AN_UNTRUSTED_EXTRA_AUDIENCE(ErrorCode.AUDIENCE_MISMATCH, f -> attacked(f, OidcAttack.EXTRA_AUDIENCE)),
        AZP_INVALID(ErrorCode.AUTHORIZED_PARTY_MISMATCH, f -> attacked(f, OidcAttack.WRONG_AZP)),
        EXPIRED(ErrorCode.TOKEN_EXPIRED, f -> attacked(f, OidcAttack.EXPIRED)),
        IAT_FAR_IN_THE_FUTURE(ErrorCode.TOKEN_ISSUED_IN_FUTURE, f -> attacked(f, OidcAttack.IAT_IN_FUTURE)),
        IAT_MISSING(ErrorCode.MISSING_CLAIM, f -> attacked(f, OidcAttack.IAT_MISSING)),
        IAT_OLDER_THAN_THE_MAXIMUM_AGE(ErrorCode.TOKEN_EXPIRED, f -> attacked(f, OidcAttack.IAT_TOO_OLD)),
        SUB_MISSING(ErrorCode.MISSING_CLAIM, f -> attacked(f, OidcAttack.SUB_MISSING)),
        NONCE_INVALID(ErrorCode.NONCE_MISMATCH, f -> attacked(f, OidcAttack.NONCE_MISMATCH)),
        NONCE_MISSING(ErrorCode.NONCE_MISMATCH, f -> attacked(f, OidcAttack.NONCE_MISSING)),
        LEVEL_BELOW_THE_REQUESTED_ONE(ErrorCode.LEVEL_TOO_LOW, f -> {
            f.fas.queueAttack(OidcAttack.LEVEL_BELOW_REQUESTED);
            f.login(f.provider(), LoginRequest.builder().minimumLevel(AssuranceLevel.LEVEL_400).build(), "citizen",
                    DigitalKey.EID);
        }),
        // Userinfo (OIDC Core 5.3.2, 5.3.4).
        USERINFO_BAD_SUB(ErrorCode.SUBJECT_MISMATCH, f -> attacked(f, OidcAttack.USERINFO_SUB_MISMATCH)),
        USERINFO_BAD_SIGNATURE(ErrorCode.INVALID_SIGNATURE, f -> attacked(f, OidcAttack.USERINFO_BAD_SIGNATURE)),
        USERINFO_SIGNED_WITHOUT_AUD(ErrorCode.AUDIENCE_MISMATCH, f -> attacked(f, OidcAttack.USERINFO_AUDIENCE_MISSING)),
        USERINFO_SIGNED_AN_HOUR_AGO(ErrorCode.TOKEN_EXPIRED, f -> attacked(f, OidcAttack.USERINFO_IAT_TOO_OLD)),
        USERINFO_CUT_SHORT(ErrorCode.IDP_INVALID_RESPONSE, f -> faulted(f, Endpoint.OIDC_USERINFO, EndpointFault.malformedBody())),
        JWKS_DOWN_DURING_A_KEY_ROTATION(ErrorCode.IDP_UNAVAILABLE, f -> {
            OidcProvider provider = f.provider();
            f.login(provider, "citizen", DigitalKey.EID);
            f.fas.injectFault(Endpoint.OIDC_JWKS, EndpointFault.status(503));
            f.fas.queueAttack(OidcAttack.KEY_ROTATION);
            f.login(provider, "citizen", DigitalKey.EID);
        }),
        // Discovery (OIDC Discovery 4.3).
        DISCOVERY_ISSUER_MISMATCH(ErrorCode.ISSUER_MISMATCH, f -> {
            f.fas.queueAttack(OidcAttack.DISCOVERY_WRONG_ISSUER);
            f.provider().startLogin(LoginRequest.builder().build());
        }),
        // The callback (RFC 6749 10.12, RFC 9700 4.2 and 4.5, RFC 7636, RFC 9207).
        STATE_MISSING(ErrorCode.STATE_MISMATCH, f -> tampered(f, p -> p.remove("state"))),
        STATE_WRONG(ErrorCode.STATE_MISMATCH, f -> tampered(f, p -> p.put("state", "x" + p.get("state")))),
        // A replayed callback (a sealed pending login can be copied): the shared login checks refuse a used
        // state before the code is redeemed; the state is recorded only after everything else passed.
        CALLBACK_REPLAYED(ErrorCode.REPLAY_DETECTED, f -> {
            OidcProvider provider = f.provider();
            LoginRedirect r = provider.startLogin(LoginRequest.builder().build());
            CallbackRequest cb = f.callback(r, "citizen", DigitalKey.EID);
            provider.finishLogin(cb, r.pendingLogin());
            provider.finishLogin(cb, r.pendingLogin());
        }),
        CALLBACK_REPLAYED_TO_AN_IDP_THAT_REDEEMS_A_CODE_TWICE(ErrorCode.REPLAY_DETECTED, f -> {
            WireMockServer lenient = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
            lenient.start();
            try {
                OidcProvider provider = f.provider(b -> b.tokenEndpoint(URI.create(lenient.baseUrl() + "/token")));
                LoginRedirect r = provider.startLogin(LoginRequest.builder().build());
                CallbackRequest cb = f.callback(r, "citizen", DigitalKey.EID);
                lenient.stubFor(post("/token").willReturn(okJson(f.redeem(cb, r.pendingLogin()))));
                provider.finishLogin(cb, r.pendingLogin());
                provider.finishLogin(cb, r.pendingLogin());
            } finally {
                lenient.stop();
            }
        }),
        CODE_REPLAYED(ErrorCode.GRANT_REJECTED, f -> {
            OidcProvider provider = f.provider();
            LoginRedirect first = provider.startLogin(LoginRequest.builder().build());
            CallbackRequest used = f.callback(first, "citizen", DigitalKey.EID);
            provider.finishLogin(used, first.pendingLogin());
            LoginRedirect second = provider.startLogin(LoginRequest.builder().build());
            provider.finishLogin(CallbackRequest.get(Map.of("code", used.required("code"),
                    "state", second.pendingLogin().state())), second.pendingLogin());
        }),
        PKCE_VERIFIER_MISMATCH(ErrorCode.GRANT_REJECTED, f -> {
            OidcProvider provider = f.provider();
            LoginRedirect r = provider.startLogin(LoginRequest.builder().build());
            CallbackRequest cb = f.callback(r, "citizen", DigitalKey.EID);
            PendingLogin p = r.pendingLogin();
            PendingLogin other = new PendingLogin(p.provider(), p.state(), p.nonce(),
                    Optional.of("another-verifier-another-verifier-another-verifier"), p.requestId(),
                    p.minimumLevel(), p.keys(), p.eServiceId(), p.returnTo(), p.language(), p.createdAt(), p.expiresAt());
            provider.finishLogin(cb, other);
        }),
        ISS_PARAMETER_WRONG(ErrorCode.ISSUER_MISMATCH, f -> attacked(f, OidcAttack.WRONG_ISS_PARAMETER)),
        PENDING_LOGIN_EXPIRED(ErrorCode.PENDING_LOGIN_EXPIRED, f -> {
            OidcProvider provider = f.provider();
            LoginRedirect r = provider.startLogin(LoginRequest.builder().build());
            CallbackRequest cb = f.callback(r, "citizen", DigitalKey.EID);
            f.clock.advance(Duration.ofMinutes(11));
            provider.finishLogin(cb, r.pendingLogin());
        }),
        USER_REFUSED_BY_THE_IDP(ErrorCode.LOGIN_CANCELLED, f -> f.login(f.provider(), "citizen",
                DigitalKey.PASSWORD_MOBILE_APP)),
        IDP_ERROR_RESPONSE(ErrorCode.IDP_CALLBACK_ERROR, f -> tampered(f, p -> {
            p.remove("code");
            p.put("error", "server_error");
        })),
        STATE_REPEATED(ErrorCode.MALFORMED_CALLBACK, f -> {
            OidcProvider provider = f.provider();
            LoginRedirect r = provider.startLogin(LoginRequest.builder().build());
            CallbackRequest cb = f.callback(r, "citizen", DigitalKey.EID);
            provider.finishLogin(new CallbackRequest("GET", Map.of("code", List.of(cb.required("code")),
                    "state", List.of(r.pendingLogin().state(), "other"))), r.pendingLogin());
        }),
        CODE_MISSING(ErrorCode.MALFORMED_CALLBACK, f -> tampered(f, p -> p.remove("code"))),
        IDP_REFUSED_THE_SCOPE_ON_THE_CALLBACK(ErrorCode.IDP_REFUSED_REQUEST, f -> tampered(f, p -> {
            p.remove("code");
            p.put("error", "invalid_scope");
        })),
        CLIENT_SECRET_WRONG(ErrorCode.INVALID_CONFIGURATION, f -> {
            OidcProvider wrong = OidcProvider.create(OidcSettings.builder(f.fas.oidcIssuer(), FakeFasFixture.CLIENT_ID,
                    FakeFasFixture.REDIRECT, ClientAuthentication.clientSecretBasic("wrong-secret"))
                    .allowHttpForLoopback().clock(f.clock).build());
            LoginRedirect r = wrong.startLogin(LoginRequest.builder().build());
            wrong.finishLogin(f.callback(r, "citizen", DigitalKey.EID), r.pendingLogin());
        }),
        // The level and the key (FAS levels, KeyRetirement).
        LEVEL_UNKNOWN(ErrorCode.UNKNOWN_LEVEL, f -> f.login(f.provider(b -> b.vocabulary(LevelVocabulary.builder()
                .level("urn:example:weak", AssuranceLevel.LEVEL_100).key("urn:example:card", DigitalKey.EID).build())),
                "citizen", DigitalKey.EID)),
        // Retirement applies to a key the IdP names: here an IdP whose level word names the token.
        KEY_RETIRED_BUT_ACCEPTED_BY_THE_IDP(ErrorCode.KEY_RETIRED, f -> {
            try (FakeFasFixture lenient = new FakeFasFixture(List.of())) {
                lenient.login(lenient.provider(b -> b.vocabulary(LevelVocabulary.builder()
                        .key("urn:be:fedict:iam:fas:Level300", DigitalKey.PASSWORD_TOKEN).build())),
                        "foreigner", DigitalKey.PASSWORD_TOKEN);
            }
        }),
        // Refresh (OIDC Core 12.2).
        REFRESH_WITH_OTHER_ISSUER(ErrorCode.ISSUER_MISMATCH, f -> refreshed(f, OidcAttack.REFRESH_OTHER_ISSUER)),
        REFRESH_WITH_OTHER_SUBJECT(ErrorCode.SUBJECT_MISMATCH, f -> refreshed(f, OidcAttack.REFRESH_OTHER_SUBJECT)),
        REFRESH_WITH_THE_ALIAS_ISSUER_INSTEAD_OF_THE_ORIGINAL(ErrorCode.ISSUER_MISMATCH, f -> {
            OidcProvider provider = f.provider(b -> b.issuerAlias(URI.create("http://127.0.0.1:80/fas/oauth2")));
            AuthenticatedUser user = f.login(provider, "citizen", DigitalKey.EID);
            f.fas.setIssuerQuirk(true);
            provider.refresh(user);
        }),
        // The identity provider down, slow or answering garbage.
        TOKEN_ENDPOINT_DOWN(ErrorCode.IDP_UNAVAILABLE, f -> faulted(f, Endpoint.OIDC_TOKEN, EndpointFault.status(503))),
        TOKEN_ENDPOINT_RESETS(ErrorCode.IDP_UNAVAILABLE, f -> faulted(f, Endpoint.OIDC_TOKEN, EndpointFault.connectionReset())),
        TOKEN_ENDPOINT_SLOW(ErrorCode.IDP_UNAVAILABLE, f -> faulted(f, Endpoint.OIDC_TOKEN,
                EndpointFault.delay(Duration.ofSeconds(3)))),
        TOKEN_ENDPOINT_BODY_STALLS(ErrorCode.IDP_UNAVAILABLE, f -> {
            try (StallingServer stalling = new StallingServer()) {
                OidcProvider provider = f.provider(b -> b.connectTimeout(Duration.ofMillis(500))
                        .readTimeout(Duration.ofMillis(500)).tokenEndpoint(stalling.uri("/access_token")));
                LoginRedirect r = provider.startLogin(LoginRequest.builder().build());
                provider.finishLogin(f.callback(r, "citizen", DigitalKey.EID), r.pendingLogin());
            }
        }),
        TOKEN_ENDPOINT_GARBAGE(ErrorCode.IDP_INVALID_RESPONSE, f -> faulted(f, Endpoint.OIDC_TOKEN, EndpointFault.malformedBody())),
        JWKS_GARBAGE(ErrorCode.IDP_INVALID_RESPONSE, f -> faulted(f, Endpoint.OIDC_JWKS, EndpointFault.malformedBody())),
        USERINFO_DOWN(ErrorCode.IDP_UNAVAILABLE, f -> faulted(f, Endpoint.OIDC_USERINFO, EndpointFault.status(503))),
        DISCOVERY_GARBAGE(ErrorCode.IDP_INVALID_RESPONSE, f -> {
            f.fas.injectFault(Endpoint.OIDC_DISCOVERY, EndpointFault.malformedBody());
            f.provider().startLogin(LoginRequest.builder().build());
        }),
        DISCOVERY_DOWN(ErrorCode.IDP_UNAVAILABLE, f -> {
            f.fas.injectFault(Endpoint.OIDC_DISCOVERY, EndpointFault.status(500));
            f.provider().startLogin(LoginRequest.builder().build());
        });

        final ErrorCode expected;
        final Scenario scenario;

        Attack(ErrorCode expected, Scenario scenario) {
            this.expected = expected;
            this.scenario = scenario;
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Attack.class)
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // Turns a hang into a failure; no timing check.
    void login_underAttack_failsWithTheExpectedErrorCode(Attack attack) {
        assertThatThrownBy(() -> attack.scenario.run(f)).isInstanceOf(FedAuthException.class)
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(attack.expected);
    }

    private static void attacked(FakeFasFixture f, OidcAttack attack) {
        OidcProvider provider = f.provider();
        f.fas.queueAttack(attack);
        f.login(provider, "citizen", DigitalKey.EID);
    }

    private static void tampered(FakeFasFixture f, java.util.function.Consumer<Map<String, String>> change) {
        OidcProvider provider = f.provider();
        LoginRedirect r = provider.startLogin(LoginRequest.builder().build());
        CallbackRequest cb = f.callback(r, "citizen", DigitalKey.EID);
        Map<String, String> params = new LinkedHashMap<>();
        cb.parameters().forEach((k, v) -> params.put(k, v.get(0)));
        change.accept(params);
        provider.finishLogin(CallbackRequest.get(params), r.pendingLogin());
    }

    private static void refreshed(FakeFasFixture f, OidcAttack attack) {
        OidcProvider provider = f.provider();
        AuthenticatedUser user = f.login(provider, "citizen", DigitalKey.EID);
        f.fas.queueAttack(attack);
        provider.refresh(user);
    }

    private static void faulted(FakeFasFixture f, Endpoint endpoint, EndpointFault fault) {
        OidcProvider provider = f.provider(b -> b.readTimeout(Duration.ofMillis(500)));
        LoginRedirect r = provider.startLogin(LoginRequest.builder().build());
        CallbackRequest cb = f.callback(r, "citizen", DigitalKey.EID);
        f.fas.injectFault(endpoint, fault);
        provider.finishLogin(cb, r.pendingLogin());
    }
}
