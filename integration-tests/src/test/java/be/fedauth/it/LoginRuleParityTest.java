package be.fedauth.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.AuthenticationProvider;
import be.fedauth.core.CallbackRequest;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.FedAuthException;
import be.fedauth.core.KeyRetirement;
import be.fedauth.core.KeyRetirements;
import be.fedauth.core.LoginRedirect;
import be.fedauth.core.LoginRequest;
import be.fedauth.core.PendingLogin;
import be.fedauth.core.ProviderId;
import be.fedauth.core.spi.AuditEvent;
import be.fedauth.core.spi.LevelVocabulary;
import be.fedauth.oidc.ClientAuthentication;
import be.fedauth.oidc.OidcProvider;
import be.fedauth.oidc.OidcSettings;
import be.fedauth.saml.IdpMetadataSource;
import be.fedauth.saml.SamlProvider;
import be.fedauth.saml.SamlSettings;
import be.fedauth.testkit.FakeFas;
import be.fedauth.testkit.HeadlessLogin;
import be.fedauth.testkit.LoginChoice;
import be.fedauth.core.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The login rules live once, in sdk-core's {@code LoginChecks}: the same negative case gives the same
 * {@link ErrorCode}, HTTP status and audit event through OpenID Connect and through SAML, each against
 * the fake FAS over real HTTP.
 */
class LoginRuleParityTest {
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    /** A negative case: what to do to an otherwise good login, and what must come out. */
    enum Case {
        PENDING_LOGIN_EXPIRED(ErrorCode.PENDING_LOGIN_EXPIRED),
        PENDING_LOGIN_OF_ANOTHER_PROVIDER(ErrorCode.PENDING_LOGIN_INVALID),
        LEVEL_BELOW_THE_REQUESTED_ONE(ErrorCode.LEVEL_TOO_LOW),
        KEY_RETIRED(ErrorCode.KEY_RETIRED),
        STATE_REPLAYED(ErrorCode.REPLAY_DETECTED),
        STATE_OF_ANOTHER_LOGIN(ErrorCode.STATE_MISMATCH);

        final ErrorCode expected;

        Case(ErrorCode expected) {
            this.expected = expected;
        }
    }

    enum Protocol { OIDC, SAML }

    private static final SettableClock CLOCK = SettableClock.fixed(NOW);
    private static FakeFas fas;
    private static final List<AuditEvent> EVENTS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        fas = FakeFas.builder().clock(CLOCK).start();
        fas.registerSamlServiceProvider(Harness.serviceProvider());
    }

    @AfterAll
    static void stop() {
        fas.close();
    }

    static Stream<Arguments> cases() {
        return Stream.of(Case.values()).flatMap(c -> Stream.of(Protocol.values()).map(p -> Arguments.of(c, p)));
    }

    @ParameterizedTest(name = "{0} through {1}")
    @MethodSource("cases")
    void theSameCase_givesTheSameCodeStatusAndAuditEvent_inBothProtocols(Case c, Protocol protocol) {
        CLOCK.set(NOW);
        EVENTS.clear();
        KeyRetirements retirements = c == Case.KEY_RETIRED
                ? KeyRetirements.of(new KeyRetirement(DigitalKey.EID, NOW.minus(Duration.ofDays(1))))
                : KeyRetirements.standard();
        AuthenticationProvider provider = protocol == Protocol.OIDC ? oidc(retirements) : saml(retirements);
        LoginRedirect redirect = provider.startLogin(LoginRequest.builder()
                .minimumLevel(AssuranceLevel.LEVEL_400).build());
        DigitalKey key = c == Case.LEVEL_BELOW_THE_REQUESTED_ONE ? DigitalKey.ITSME : DigitalKey.EID;
        CallbackRequest callback = HeadlessLogin.against(fas).login(new LoginChoice("citizen", key),
                redirect.redirect()).toCallbackRequest();
        PendingLogin pending = redirect.pendingLogin();
        switch (c) {
            case PENDING_LOGIN_EXPIRED -> CLOCK.advance(Duration.ofMinutes(11));
            case PENDING_LOGIN_OF_ANOTHER_PROVIDER -> pending = withProvider(pending, ProviderId.of("another"));
            case LEVEL_BELOW_THE_REQUESTED_ONE -> pending = withMinimum(pending, AssuranceLevel.LEVEL_500);
            case STATE_REPLAYED -> provider.finishLogin(callback, pending);
            case STATE_OF_ANOTHER_LOGIN -> pending = provider.startLogin(LoginRequest.builder()
                    .minimumLevel(AssuranceLevel.LEVEL_400).build()).pendingLogin();
            case KEY_RETIRED -> { }
        }
        EVENTS.clear();
        PendingLogin finalPending = pending;

        FedAuthException e = catchThrowableOfType(() -> provider.finishLogin(callback, finalPending),
                FedAuthException.class);

        assertThat(e).as("refused").isNotNull();
        assertThat(e.code()).isEqualTo(c.expected);
        assertThat(e.code().httpStatus()).isEqualTo(400);
        assertThat(EVENTS).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("login_failed");
            assertThat(event.error()).contains(c.expected);
            assertThat(event.provider()).isEqualTo(provider.id().value());
            assertThat(event.subject()).isEmpty();
        });
    }

    private static OidcProvider oidc(KeyRetirements retirements) {
        // FAS over OIDC reports levels only; this IdP's level-500 word names the eID card, so the key is named.
        LevelVocabulary vocabulary = LevelVocabulary.builder()
                .key("urn:be:fedict:iam:fas:Level500", DigitalKey.EID)
                .level("urn:be:fedict:iam:fas:Level450", AssuranceLevel.LEVEL_450)
                .level("urn:be:fedict:iam:fas:Level400", AssuranceLevel.LEVEL_400).build();
        return OidcProvider.create(OidcSettings.builder(fas.oidcIssuer(), Harness.CLIENT_ID, Harness.REDIRECT,
                        ClientAuthentication.clientSecretBasic(Harness.SECRET)).allowHttpForLoopback().clock(CLOCK)
                .vocabulary(vocabulary).retirements(retirements).auditSink(EVENTS::add).build());
    }

    private static SamlProvider saml(KeyRetirements retirements) {
        IdpMetadataSource metadata = IdpMetadataSource.fromUrl(fas.samlMetadataUri(), fas.samlEntityId())
                .signedBy(fas.signingCertificate()).clock(CLOCK).build();
        return SamlProvider.create(SamlSettings.builder(ProviderId.of("fas-saml"), Harness.SP_ENTITY_ID, Harness.ACS,
                Harness.keys(), metadata).clock(CLOCK).retirements(retirements).auditSink(EVENTS::add).build());
    }

    private static PendingLogin withProvider(PendingLogin p, ProviderId provider) {
        return new PendingLogin(provider, p.state(), p.nonce(), p.codeVerifier(), p.requestId(), p.minimumLevel(),
                p.keys(), p.eServiceId(), p.returnTo(), p.language(), p.createdAt(), p.expiresAt());
    }

    private static PendingLogin withMinimum(PendingLogin p, AssuranceLevel minimum) {
        return new PendingLogin(p.provider(), p.state(), p.nonce(), p.codeVerifier(), p.requestId(),
                Optional.of(minimum), p.keys(), p.eServiceId(), p.returnTo(), p.language(), p.createdAt(), p.expiresAt());
    }
}
