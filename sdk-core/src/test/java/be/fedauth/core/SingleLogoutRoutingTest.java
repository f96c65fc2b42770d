package be.fedauth.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issue 13 point 4: the core's single-logout SPI, and a transition routing messages to its own providers. */
class SingleLogoutRoutingTest {
    private static final ProviderId SOCSEC = ProviderId.of("social-security");
    private static final ProviderId FAS = ProviderId.of("fas");
    private final SettableClock clock = SettableClock.fixed(java.time.Instant.parse("2026-03-02T09:00:00Z"));

    /** A provider whose identity provider signs its messages "issuer=<id>". */
    private static final class Participant implements SingleLogout {
        final String issuer;
        final List<String> calls = new ArrayList<>();

        Participant(String issuer) {
            this.issuer = issuer;
        }

        @Override
        public boolean recognises(String rawQuery) {
            return rawQuery.equals("issuer=" + issuer);
        }

        @Override
        public IdpLogoutRequest handleLogoutRequest(String rawQuery) {
            calls.add("request " + rawQuery);
            return new IdpLogoutRequest() {
                @Override
                public boolean matches(SessionReference session) {
                    return true;
                }

                @Override
                public HttpRedirect response() {
                    return HttpRedirect.redirect(URI.create("https://" + issuer + ".example/slo"));
                }
            };
        }

        @Override
        public void finishLogout(String rawQuery, String state) {
            calls.add("response " + rawQuery + " " + state);
        }
    }

    private static AuthenticationProvider withSingleLogout(ProviderId id, Optional<SingleLogout> logout) {
        StubProvider stub = new StubProvider(id, Set.of(DigitalKey.EID), DigitalKey.EID);
        return new AuthenticationProvider() {
            @Override
            public ProviderId id() {
                return id;
            }

            @Override
            public Set<DigitalKey> keys() {
                return stub.keys();
            }

            @Override
            public LoginRedirect startLogin(LoginRequest request) {
                return stub.startLogin(request);
            }

            @Override
            public AuthenticatedUser finishLogin(CallbackRequest callback, PendingLogin pending) {
                return stub.finishLogin(callback, pending);
            }

            @Override
            public HttpRedirect startLogout(LogoutRequest request) {
                return stub.startLogout(request);
            }

            @Override
            public Optional<SingleLogout> singleLogout() {
                return logout;
            }
        };
    }

    private TransitionAuthenticationProvider transition(Optional<SingleLogout> legacy, Optional<SingleLogout> successor) {
        return TransitionAuthenticationProvider.builder(ProviderId.of("ncts"), Transition.ncts(SOCSEC, FAS,
                LocalDate.of(2021, 1, 1)), withSingleLogout(SOCSEC, legacy), withSingleLogout(FAS, successor))
                .clock(clock).build();
    }

    @Test
    void point4_aProviderByDefault_hasNoSingleLogoutAndNoMetadata() {
        StubProvider plain = new StubProvider(FAS, Set.of(DigitalKey.EID), DigitalKey.EID);

        assertThat(plain.singleLogout()).isEmpty();
        assertThat(plain.serviceProviderMetadata()).isEmpty();
    }

    @Test
    void point4_transition_sendsEachMessageToTheProviderWhoseIdpRecognisesIt() {
        Participant socsec = new Participant("socsec");
        Participant fas = new Participant("fas");
        SingleLogout both = transition(Optional.of(socsec), Optional.of(fas)).singleLogout().orElseThrow();

        IdpLogoutRequest request = both.handleLogoutRequest("issuer=socsec");
        both.finishLogout("issuer=fas", "s1");

        assertThat(request.response().location().getHost()).isEqualTo("socsec.example");
        assertThat(socsec.calls).containsExactly("request issuer=socsec");
        assertThat(fas.calls).containsExactly("response issuer=fas s1");
        assertThat(both.recognises("issuer=fas")).isTrue();
        assertThat(both.recognises("issuer=evil")).isFalse();
    }

    @Test
    void point4_transition_messageNeitherRecognises_failsWithIssuerMismatch() {
        SingleLogout both = transition(Optional.of(new Participant("socsec")), Optional.empty()).singleLogout().orElseThrow();

        assertThatThrownBy(() -> both.handleLogoutRequest("issuer=evil"))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.ISSUER_MISMATCH));
        assertThatThrownBy(() -> both.finishLogout("issuer=evil", "s1"))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.ISSUER_MISMATCH));
    }

    @Test
    void point4_transition_withoutAnyParticipant_hasNoSingleLogout() {
        assertThat(transition(Optional.empty(), Optional.empty()).singleLogout()).isEmpty();
    }

}
