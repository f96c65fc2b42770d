package be.fedauth.testkit.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.AuthenticatedUser;
import be.fedauth.core.AuthenticationException;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.LoginRequest;
import be.fedauth.saml.SamlProvider;
import be.fedauth.saml.SamlBinding;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The SDK's SAML provider logs in through the fake FAS over HTTP, as an application would. */
class SamlLoginAgainstFakeFasTest {
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private SamlHarness harness;

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void login_redirectBinding_returnsTheCitizenWithFasAttributesAndLevel() {
        harness = new SamlHarness(NOW, false);
        SamlProvider provider = harness.fasProvider(b -> b);

        AuthenticatedUser user = harness.login(provider, LoginRequest.builder().build(), "citizen", DigitalKey.EID);

        assertThat(user.key()).isEqualTo(DigitalKey.EID);
        assertThat(user.level()).isEqualTo(AssuranceLevel.LEVEL_500);
        assertThat(user.identity().nationalNumber()).isPresent();
        assertThat(user.identity().federalId()).hasValueSatisfying(f -> assertThat(f).hasSize(40));
    }

    @Test
    void login_postBindingWithItsme_reachesLevel450() {
        harness = new SamlHarness(NOW, false);
        SamlProvider provider = harness.fasProvider(b -> b.requestBinding(SamlBinding.POST));

        AuthenticatedUser user = harness.login(provider, LoginRequest.builder().key(DigitalKey.ITSME).build(),
                "citizen", DigitalKey.ITSME);

        assertThat(user.key()).isEqualTo(DigitalKey.ITSME);
        assertThat(user.level()).isEqualTo(AssuranceLevel.LEVEL_450);
    }

    @Test
    void login_spRegisteredForEncryption_getsAnEncryptedSignedAssertion() {
        harness = new SamlHarness(NOW, true);
        SamlProvider provider = harness.fasProvider(b -> b.requireEncryptedAssertions());

        AuthenticatedUser user = harness.login(provider, LoginRequest.builder().build(), "citizen", DigitalKey.EID);

        assertThat(user.identity().givenName()).isNotBlank();
    }

    @Test
    void login_employeeWithAcceptedRole_receivesTheRole() {
        harness = new SamlHarness(NOW, false);

        AuthenticatedUser user = harness.login(harness.fasProvider(b -> b), LoginRequest.builder().build(),
                "ncts-employee", DigitalKey.EID);

        assertThat(user.roles()).isNotEmpty();
    }

    @Test
    void login_foreignerWithEid_isRefusedByTheFakeAndFailsWithLoginCancelled() {
        harness = new SamlHarness(NOW, false);
        SamlProvider provider = harness.fasProvider(b -> b);

        assertThatThrownBy(() -> harness.login(provider, LoginRequest.builder().build(), "foreigner", DigitalKey.EID))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.LOGIN_CANCELLED));
    }

    @Test
    void login_afterTheFakeRotatesItsKeyAndTheMetadataIsRefreshed_isAccepted() {
        harness = new SamlHarness(NOW, false);
        SamlProvider provider = harness.fasProvider(b -> b);
        harness.login(provider, LoginRequest.builder().build(), "citizen", DigitalKey.EID);

        harness.fas.rotateSigningKey();
        harness.clock.advance(Duration.ofHours(7));

        assertThat(harness.login(provider, LoginRequest.builder().build(), "citizen", DigitalKey.EID).key())
                .isEqualTo(DigitalKey.EID);
    }
}
