package be.fedauth.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.fedauth.core.AuthenticationException;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.KeyRetirement;
import be.fedauth.core.LoginRequest;
import be.fedauth.core.PendingLogin;
import be.fedauth.saml.support.ResponseSpec;
import be.fedauth.saml.support.SpFixture;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The paper token stops being a login key at {@link KeyRetirement#TOKEN}, as in sdk-oidc. */
class TokenRetirementTest {
    private static final String TOKEN_CLASS_REF = "urn:be:fedict:iam:fas:citizen:token";
    private final SpFixture fixture = new SpFixture();

    @Test
    void keys_justBeforeTheRetirement_offerTheToken() {
        fixture.clock.set(KeyRetirement.TOKEN.retiredAt().minusSeconds(1));

        assertThat(fixture.provider.keys()).contains(DigitalKey.PASSWORD_TOKEN, DigitalKey.EID);
    }

    @Test
    void keys_fromTheRetirement_noLongerOfferTheToken() {
        fixture.clock.set(KeyRetirement.TOKEN.retiredAt());

        assertThat(fixture.provider.keys()).doesNotContain(DigitalKey.PASSWORD_TOKEN).contains(DigitalKey.EID);
    }

    @Test
    void startLogin_tokenFromTheRetirement_failsWithKeyRetired() {
        fixture.clock.set(KeyRetirement.TOKEN.retiredAt());

        assertThatThrownBy(() -> fixture.provider.startLogin(LoginRequest.builder().keys(Set.of(DigitalKey.PASSWORD_TOKEN))
                .build())).isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.KEY_RETIRED));
    }

    @Test
    void finishLogin_tokenLoginBeforeTheRetirement_isAccepted() {
        fixture.clock.set(KeyRetirement.TOKEN.retiredAt().minus(Duration.ofHours(1)));
        PendingLogin pending = fixture.start().pendingLogin();

        assertThat(fixture.finish(tokenResponse(pending), pending).key()).isEqualTo(DigitalKey.PASSWORD_TOKEN);
    }

    @Test
    void finishLogin_tokenLoginCompletingAtTheRetirement_failsWithKeyRetired() {
        fixture.clock.set(KeyRetirement.TOKEN.retiredAt().minusSeconds(30));
        PendingLogin pending = fixture.start().pendingLogin();
        String response = tokenResponse(pending);
        fixture.clock.set(KeyRetirement.TOKEN.retiredAt());

        assertThatThrownBy(() -> fixture.finish(response, pending)).isInstanceOfSatisfying(AuthenticationException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.KEY_RETIRED));
    }

    private String tokenResponse(PendingLogin pending) {
        ResponseSpec spec = fixture.genuine(pending);
        spec.classRef = TOKEN_CLASS_REF;
        return fixture.respond(spec);
    }
}
