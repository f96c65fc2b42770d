package be.fedauth.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.AuthenticatedUser;
import be.fedauth.core.AuthenticationProvider;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.FedAuthException;
import be.fedauth.core.LoginRedirect;
import be.fedauth.core.LoginRequest;
import be.fedauth.core.NationalRegisterNumber;
import be.fedauth.core.Notice;
import be.fedauth.core.ProviderId;
import be.fedauth.core.Timeline;
import be.fedauth.oidc.ClientAuthentication;
import be.fedauth.oidc.OidcProvider;
import be.fedauth.oidc.OidcSettings;
import be.fedauth.saml.IdpMetadataSource;
import be.fedauth.saml.SamlProvider;
import be.fedauth.saml.SamlSettings;
import be.fedauth.testkit.FakeFas;
import be.fedauth.testkit.HeadlessLogin;
import be.fedauth.testkit.LoginChoice;
import be.fedauth.testkit.Person;
import be.fedauth.testkit.Personas;
import be.fedauth.core.SettableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 15 point 5: the token's retirement from the shipped timeline, one second before and at the
 * instant, through the fake FAS in both protocols, for John Smith (token) and a foreigner with an
 * eIDAS-notified foreign eID.
 */
class TimelineThroughTheFakeTest {
    private static final Instant RETIRED = Timeline.standard().retiredAt(DigitalKey.PASSWORD_TOKEN).orElseThrow();
    private static final SettableClock CLOCK = SettableClock.fixed(RETIRED);
    private static FakeFas fas;

    enum Protocol { OIDC, SAML }

    @BeforeAll
    static void start() {
        fas = FakeFas.builder().clock(CLOCK).personas(withEidasForeigner()).start();
        fas.registerSamlServiceProvider(Harness.serviceProvider());
    }

    @AfterAll
    static void stop() {
        fas.close();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void point5_foreignerWithTheToken_oneSecondBeforeItsRetirement_logsInWithTheDeprecationNotice(Protocol protocol) {
        AuthenticatedUser user = login(protocol, "foreigner", DigitalKey.PASSWORD_TOKEN, RETIRED.minusSeconds(1));

        assertThat(user.level()).isEqualTo(AssuranceLevel.LEVEL_300);
        if (protocol == Protocol.SAML) {
            // FAS's SAML names the token (citizen:token): its retirement is announced.
            assertThat(user.key()).isEqualTo(DigitalKey.PASSWORD_TOKEN);
            assertThat(user.notices()).extracting(Notice::code).contains(Notice.KEY_DEPRECATED);
        } else {
            // FAS's OIDC reports level 300 only: a level alone is never turned into the token (issue 13.2).
            assertThat(user.key()).isEqualTo(DigitalKey.UNNAMED);
            assertThat(user.notices()).extracting(Notice::code).contains(Notice.UNNAMED_KEY)
                    .doesNotContain(Notice.KEY_DEPRECATED);
        }
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void point5_foreignerWithTheToken_atItsRetirement_isRefused(Protocol protocol) {
        FedAuthException e = catchThrowableOfType(() -> login(protocol, "foreigner", DigitalKey.PASSWORD_TOKEN, RETIRED),
                FedAuthException.class);

        assertThat(e).as("refused").isNotNull();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void point3_foreignerWithEidas_oneSecondBeforeTheTokensEnd_isRefusedTokenOnly(Protocol protocol) {
        FedAuthException e = catchThrowableOfType(() -> login(protocol, "foreigner-eidas", DigitalKey.FOREIGN_EID,
                RETIRED.minusSeconds(1)), FedAuthException.class);

        assertThat(e).as("refused").isNotNull();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void point3_foreignerWithEidas_atTheTokensEnd_logsInAtLevel400(Protocol protocol) {
        AuthenticatedUser user = login(protocol, "foreigner-eidas", DigitalKey.FOREIGN_EID, RETIRED);

        assertThat(user.level()).isEqualTo(AssuranceLevel.LEVEL_400);
        assertThat(user.identity().isForeigner()).isTrue();
    }

    private static AuthenticatedUser login(Protocol protocol, String person, DigitalKey key, Instant at) {
        CLOCK.set(at);
        AuthenticationProvider provider = protocol == Protocol.OIDC ? oidc() : saml();
        LoginRedirect redirect = provider.startLogin(LoginRequest.builder().build());
        var callback = HeadlessLogin.against(fas).login(new LoginChoice(person, key), redirect.redirect()).toCallbackRequest();
        return provider.finishLogin(callback, redirect.pendingLogin());
    }

    private static OidcProvider oidc() {
        return OidcProvider.create(OidcSettings.builder(fas.oidcIssuer(), Harness.CLIENT_ID, Harness.REDIRECT,
                ClientAuthentication.clientSecretBasic(Harness.SECRET)).allowHttpForLoopback().clock(CLOCK).build());
    }

    private static SamlProvider saml() {
        IdpMetadataSource metadata = IdpMetadataSource.fromUrl(fas.samlMetadataUri(), fas.samlEntityId())
                .signedBy(fas.signingCertificate()).clock(CLOCK).build();
        return SamlProvider.create(SamlSettings.builder(ProviderId.of("fas-saml"), Harness.SP_ENTITY_ID, Harness.ACS,
                Harness.keys(), metadata).clock(CLOCK).build());
    }

    /** The default personas plus a foreigner with an eIDAS-notified foreign eID (and an old token). */
    private static Personas withEidasForeigner() {
        Personas defaults = Personas.defaults();
        Person john = defaults.person("foreigner").orElseThrow();
        List<Person> people = new ArrayList<>(defaults.people());
        people.add(new Person("foreigner-eidas", Optional.<NationalRegisterNumber>empty(), true, "Jan", "Kowalski",
                john.language(), Optional.empty(), "00000000000000000000000000000000000000ab",
                Set.of(DigitalKey.FOREIGN_EID, DigitalKey.PASSWORD_TOKEN), false));
        return new Personas(people, defaults.enterprises(), defaults.roles(), defaults.mandates(),
                defaults.oidcClients(), defaults.samlServiceProviders());
    }
}
