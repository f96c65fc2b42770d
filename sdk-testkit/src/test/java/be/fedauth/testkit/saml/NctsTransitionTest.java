package be.fedauth.testkit.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.fedauth.core.AuthenticatedUser;
import be.fedauth.core.AuthenticationException;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.LoginRedirect;
import be.fedauth.core.LoginRequest;
import be.fedauth.core.Notice;
import be.fedauth.core.ProviderId;
import be.fedauth.core.Transition;
import be.fedauth.core.TransitionAuthenticationProvider;
import be.fedauth.saml.SamlProvider;
import be.fedauth.testkit.HeadlessLogin;
import be.fedauth.testkit.LoginCallback;
import be.fedauth.testkit.LoginChoice;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * NCTS moves from the social-security login to BOSA FAS: the core transition provider routes between
 * the two SAML configurations of this module, each logging in through its fake, on a settable clock.
 */
class NctsTransitionTest {
    private static final LocalDate FIRST_DAY_REFUSED = LocalDate.of(2020, 6, 1);
    private SamlHarness harness;
    private TransitionAuthenticationProvider ncts;

    @BeforeEach
    void start() {
        harness = new SamlHarness(Instant.parse("2019-10-01T10:00:00Z"), false);
        SamlProvider socialSecurity = harness.socialSecurityProvider();
        SamlProvider fas = harness.fasProvider(b -> b);
        ncts = TransitionAuthenticationProvider.builder(ProviderId.of("ncts"),
                Transition.ncts(socialSecurity.id(), fas.id(), FIRST_DAY_REFUSED), socialSecurity, fas)
                .clock(harness.clock).build();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void beforeCutover_loginGoesToTheSocialSecurityIdp_withoutNotice() {
        AuthenticatedUser user = harness.login(ncts, LoginRequest.builder().build(), "socsec-only", DigitalKey.SOCIAL_SECURITY);

        assertThat(user.provider()).isEqualTo(ProviderId.of("social-security"));
        assertThat(user.key()).isEqualTo(DigitalKey.SOCIAL_SECURITY);
        assertThat(user.identity().familyName()).isEqualTo("Lambert");
        assertThat(user.notices()).isEmpty();
    }

    @Test
    void duringGrace_defaultLoginGoesToFas() {
        harness.clock.set(Instant.parse("2020-01-15T10:00:00Z"));

        AuthenticatedUser user = harness.login(ncts, LoginRequest.builder().build(), "citizen", DigitalKey.EID);

        assertThat(user.provider()).isEqualTo(ProviderId.of("fas-saml"));
        assertThat(user.notices()).isEmpty();
    }

    @Test
    void duringGrace_socialSecurityLoginWorksWithTheEndingNotice() {
        harness.clock.set(Instant.parse("2020-01-15T10:00:00Z"));

        AuthenticatedUser user = harness.login(ncts, LoginRequest.builder().key(DigitalKey.SOCIAL_SECURITY).build(),
                "socsec-only", DigitalKey.SOCIAL_SECURITY);

        assertThat(user.provider()).isEqualTo(ProviderId.of("social-security"));
        assertThat(user.notices()).extracting(Notice::code).containsExactly(Notice.LEGACY_LOGIN_ENDING);
    }

    @Test
    void afterGrace_socialSecurityLogin_failsWithGraceExpired() {
        harness.clock.set(Instant.parse("2020-06-02T10:00:00Z"));

        assertThatThrownBy(() -> ncts.startLogin(LoginRequest.builder().key(DigitalKey.SOCIAL_SECURITY).build()))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.TRANSITION_GRACE_EXPIRED));
    }

    @Test
    void startedInGraceFinishedAfterIt_failsWithGraceExpired() {
        harness.clock.set(Instant.parse("2020-05-31T21:55:00Z"));
        LoginRedirect redirect = ncts.startLogin(LoginRequest.builder().key(DigitalKey.SOCIAL_SECURITY).build());
        LoginCallback callback = HeadlessLogin.against(harness.fas)
                .login(new LoginChoice("socsec-only", DigitalKey.SOCIAL_SECURITY), redirect.redirect());

        harness.clock.advance(Duration.ofMinutes(6));

        assertThatThrownBy(() -> ncts.finishLogin(callback.toCallbackRequest(), redirect.pendingLogin()))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.TRANSITION_GRACE_EXPIRED));
    }
}
