package be.fedauth.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TransitionAuthenticationProviderTest {
    private static final ProviderId SOCSEC = ProviderId.of("social-security");
    private static final ProviderId FAS = ProviderId.of("fas");
    // Cutover: start of 24/10/2019 in Brussels (CEST, UTC+2) = 2019-10-23T22:00:00Z.
    private static final Instant CUTOVER = Instant.parse("2019-10-23T22:00:00Z");
    // Grace ends at the start of 01/03/2020 in Brussels (CET, UTC+1) = 2020-02-29T23:00:00Z.
    private static final Instant GRACE_END = Instant.parse("2020-02-29T23:00:00Z");

    private final SettableClock clock = SettableClock.fixed(CUTOVER);
    private final StubProvider legacy = new StubProvider(SOCSEC, Set.of(DigitalKey.SOCIAL_SECURITY), DigitalKey.SOCIAL_SECURITY);
    private final StubProvider fas = new StubProvider(FAS, Set.of(DigitalKey.EID, DigitalKey.ITSME, DigitalKey.PASSWORD_TOKEN),
            DigitalKey.EID);
    private final TransitionAuthenticationProvider ncts = TransitionAuthenticationProvider
            .builder(ProviderId.of("ncts"), Transition.ncts(SOCSEC, FAS, LocalDate.of(2020, 3, 1)), legacy, fas)
            .clock(clock).retire(KeyRetirement.TOKEN).build();

    @Test
    void nctsPreset_cutsOverAtTheStartOf24October2019InBrussels() {
        Transition t = ncts.transition();

        assertThat(t.cutover()).isEqualTo(CUTOVER);
        assertThat(t.graceEnd()).isEqualTo(GRACE_END);
        assertThat(t.lastLegacyDay()).isEqualTo(LocalDate.of(2020, 2, 29));
    }

    @Test
    void oneSecondBeforeCutover_onlyTheLegacyLoginIsOffered() {
        clock.set(CUTOVER.minusSeconds(1));

        assertThat(ncts.phase()).isEqualTo(TransitionPhase.BEFORE_CUTOVER);
        assertThat(ncts.offeredProviders()).containsExactly(legacy);
        assertThat(ncts.keys()).containsExactly(DigitalKey.SOCIAL_SECURITY);
        assertThat(ncts.startLogin(LoginRequest.builder().build()).pendingLogin().provider()).isEqualTo(SOCSEC);
    }

    @Test
    void beforeCutover_askingForFas_failsWithTransitionNotStarted() {
        clock.set(CUTOVER.minusSeconds(1));

        assertThatThrownBy(() -> ncts.startLogin(LoginRequest.builder().provider(FAS).build()))
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.TRANSITION_NOT_STARTED);
    }

    @Test
    void atCutover_bothAreOfferedWithFasFirst() {
        clock.set(CUTOVER);

        assertThat(ncts.phase()).isEqualTo(TransitionPhase.GRACE);
        assertThat(ncts.offeredProviders()).containsExactly(fas, legacy);
        assertThat(ncts.startLogin(LoginRequest.builder().build()).pendingLogin().provider()).isEqualTo(FAS);
        assertThat(ncts.startLogin(LoginRequest.builder().key(DigitalKey.SOCIAL_SECURITY).build())
                .pendingLogin().provider()).isEqualTo(SOCSEC);
    }

    @Test
    void duringGrace_legacyLogin_carriesANoticeWithTheLastDay() {
        clock.set(GRACE_END.minusSeconds(1));
        PendingLogin pending = ncts.startLogin(LoginRequest.builder().provider(SOCSEC).build()).pendingLogin();

        AuthenticatedUser user = ncts.finishLogin(CallbackRequest.get(Map.of()), pending);

        assertThat(user.notices()).hasSize(1);
        assertThat(user.notices().get(0).code()).isEqualTo(Notice.LEGACY_LOGIN_ENDING);
        assertThat(user.notices().get(0).lastDay()).contains(LocalDate.of(2020, 2, 29));
        assertThat(user.notices().get(0).message(Language.FR)).contains("29/02/2020");
    }

    @Test
    void duringGrace_fasLogin_hasNoNotice() {
        clock.set(CUTOVER.plusSeconds(1));
        PendingLogin pending = ncts.startLogin(LoginRequest.builder().build()).pendingLogin();

        assertThat(ncts.finishLogin(CallbackRequest.get(Map.of()), pending).notices()).isEmpty();
    }

    @Test
    void atGraceEnd_onlyFasIsOfferedAndTheLegacyLoginFailsWithGraceExpired() {
        clock.set(GRACE_END);

        assertThat(ncts.phase()).isEqualTo(TransitionPhase.AFTER_GRACE);
        assertThat(ncts.offeredProviders()).containsExactly(fas);
        assertThatThrownBy(() -> ncts.startLogin(LoginRequest.builder().provider(SOCSEC).build()))
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.TRANSITION_GRACE_EXPIRED);
        assertThatThrownBy(() -> ncts.startLogin(LoginRequest.builder().key(DigitalKey.SOCIAL_SECURITY).build()))
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.TRANSITION_GRACE_EXPIRED);
    }

    @Test
    void legacyLoginStartedInGraceAndFinishedAfterIt_failsWithGraceExpired() {
        clock.set(GRACE_END.minusSeconds(1));
        PendingLogin pending = ncts.startLogin(LoginRequest.builder().provider(SOCSEC).build()).pendingLogin();
        clock.set(GRACE_END);

        assertThatThrownBy(() -> ncts.finishLogin(CallbackRequest.get(Map.of()), pending))
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.TRANSITION_GRACE_EXPIRED);
        assertThat(legacy.finished).isZero();
    }

    @Test
    void legacyLoginWhoseIdpAnswerArrivesAfterGrace_failsWithGraceExpired() {
        clock.set(GRACE_END.minusSeconds(1));
        PendingLogin pending = ncts.startLogin(LoginRequest.builder().provider(SOCSEC).build()).pendingLogin();
        legacy.onFinish = () -> clock.set(GRACE_END);

        assertThatThrownBy(() -> ncts.finishLogin(CallbackRequest.get(Map.of()), pending))
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.TRANSITION_GRACE_EXPIRED);
    }

    @Test
    void tokenKey_isOfferedUntilItsRetirementAndRefusedFromIt() {
        Instant retired = KeyRetirement.TOKEN.retiredAt();
        assertThat(retired).isEqualTo(Instant.parse("2024-01-30T23:00:00Z"));
        clock.set(retired.minusSeconds(1));
        assertThat(ncts.keys()).contains(DigitalKey.PASSWORD_TOKEN);
        assertThat(ncts.startLogin(LoginRequest.builder().key(DigitalKey.PASSWORD_TOKEN).build())).isNotNull();

        clock.set(retired);
        assertThat(ncts.keys()).doesNotContain(DigitalKey.PASSWORD_TOKEN).contains(DigitalKey.EID);
        assertThatThrownBy(() -> ncts.startLogin(LoginRequest.builder().key(DigitalKey.PASSWORD_TOKEN).build()))
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.KEY_RETIRED);
    }

    @Test
    void loginCompletedWithTheTokenAfterItsRetirement_failsWithKeyRetired() {
        clock.set(KeyRetirement.TOKEN.retiredAt().minusSeconds(1));
        PendingLogin pending = ncts.startLogin(LoginRequest.builder().build()).pendingLogin();
        fas.usedKey = DigitalKey.PASSWORD_TOKEN;
        clock.set(KeyRetirement.TOKEN.retiredAt());

        assertThatThrownBy(() -> ncts.finishLogin(CallbackRequest.get(Map.of()), pending))
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.KEY_RETIRED);
    }

    @Test
    void keysNoOfferedProviderAccepts_failWithKeyNotOffered() {
        clock.set(GRACE_END);

        assertThatThrownBy(() -> ncts.startLogin(LoginRequest.builder().key(DigitalKey.FOREIGN_EID).build()))
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.KEY_NOT_OFFERED);
    }

    @Test
    void unknownProvider_failsWithProviderNotOffered() {
        assertThatThrownBy(() -> ncts.startLogin(LoginRequest.builder().provider(ProviderId.of("other")).build()))
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.PROVIDER_NOT_OFFERED);
    }

    @Test
    void logout_goesToTheProviderThatLoggedTheUserIn() {
        assertThat(ncts.startLogout(new LogoutRequest(SessionReference.none(SOCSEC), java.util.Optional.empty(),
                java.util.Optional.empty())).location().getHost()).isEqualTo("social-security.example");
        assertThat(ncts.startLogout(new LogoutRequest(SessionReference.none(FAS), java.util.Optional.empty(),
                java.util.Optional.empty())).location().getHost()).isEqualTo("fas.example");
    }

    @Test
    void build_withProvidersNotNamedByTheTransition_failsWithConfigurationException() {
        Transition t = Transition.ncts(SOCSEC, FAS, LocalDate.of(2020, 3, 1));

        assertThatThrownBy(() -> TransitionAuthenticationProvider.builder(ProviderId.of("ncts"), t, fas, legacy).build())
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> Transition.ncts(SOCSEC, FAS, LocalDate.of(2019, 1, 1)))
                .isInstanceOf(ConfigurationException.class);
    }
}
