package be.fedauth.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.fedauth.core.AuthenticationException;
import be.fedauth.core.PendingLogin;
import be.fedauth.saml.support.SpFixture;
import be.fedauth.saml.support.TestCredentials;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The negative suite of issue 5: every hand-crafted attack on the Response fails with its own code. */
class ResponseAttackTest {

    @ParameterizedTest
    @EnumSource(ResponseAttack.class)
    void finishLogin_attack_failsWithItsErrorCode(ResponseAttack attack) {
        SpFixture fixture = fixtureFor(attack.setup);
        PendingLogin pending = fixture.start().pendingLogin();
        String response = attack.craft(fixture, pending);

        assertThatThrownBy(() -> fixture.finish(response, pending))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.code()).isEqualTo(attack.expected));
    }

    @Test
    void finishLogin_genuineResponseForEachSetup_isAccepted() {
        // The attacks fail because of the attack, not because of the setup.
        for (ResponseAttack.Setup setup : ResponseAttack.Setup.values()) {
            SpFixture fixture = fixtureFor(setup);
            PendingLogin pending = fixture.start().pendingLogin();
            assertThat(fixture.finish(fixture.respond(fixture.genuine(pending)), pending).identity().givenName())
                    .isEqualTo("Marie");
        }
    }

    @Test
    void finishLogin_expiredWithinSkew_isAccepted() {
        SpFixture fixture = new SpFixture();
        PendingLogin pending = fixture.start().pendingLogin();
        var spec = fixture.genuine(pending);
        spec.notOnOrAfter = fixture.clock.instant().minusSeconds(59);

        assertThat(fixture.finish(fixture.respond(spec), pending).identity().familyName()).isEqualTo("Dupont");
    }

    @Test
    void finishLogin_unsolicitedResponseWhenAllowed_isAccepted() {
        SpFixture fixture = new SpFixture(SamlSettings.Builder::allowUnsolicitedResponses);
        PendingLogin pending = fixture.start().pendingLogin();
        var spec = fixture.genuine(pending);
        spec.inResponseTo = null;
        spec.confirmationInResponseTo = null;

        assertThat(fixture.finish(fixture.respond(spec), pending).identity().familyName()).isEqualTo("Dupont");
    }

    @Test
    void finishLogin_twoRestrictionsBothNamingUs_isAccepted() {
        SpFixture fixture = new SpFixture();
        PendingLogin pending = fixture.start().pendingLogin();
        var spec = fixture.genuine(pending);
        spec.secondRestriction.add(SpFixture.SP_ENTITY_ID);

        assertThat(fixture.finish(fixture.respond(spec), pending).identity().familyName()).isEqualTo("Dupont");
    }

    private static SpFixture fixtureFor(ResponseAttack.Setup setup) {
        return switch (setup) {
            case DEFAULT -> new SpFixture();
            case RESPONSE_SIGNATURE_ONLY -> new SpFixture(SamlSettings.Builder::acceptResponseSignatureOnly);
            case WEAK_KEY_IN_METADATA -> new SpFixture(b -> b, List.of(TestCredentials.rsa("idp").certificate(),
                    TestCredentials.rsa("idp-weak", 1024).certificate()));
            case LARGE_RESPONSES -> new SpFixture(b -> b.maxResponseBytes(384 * 1024));
        };
    }
}
