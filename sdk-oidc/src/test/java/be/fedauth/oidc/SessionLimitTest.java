package be.fedauth.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import be.fedauth.core.AuthenticatedUser;
import be.fedauth.core.DigitalKey;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Issue 12 point 3 (OIDC side): the session can be bound to the ID token's lifetime, where configured. */
class SessionLimitTest {

    @Test
    void point3_sessionBoundToIdToken_endsTheSessionWhenTheIdTokenExpires() {
        try (FakeFasFixture f = new FakeFasFixture()) {
            AuthenticatedUser user = f.login(f.provider(OidcSettings.Builder::sessionBoundToIdToken), "citizen",
                    DigitalKey.EID);

            // FAS's ID tokens live an hour (fas-reference.md); the fake's clock stands still.
            assertThat(user.notAfter()).contains(f.clock.instant().plus(Duration.ofHours(1)));
        }
    }

    @Test
    void point3_byDefault_theIdentityProviderSetsNoLimit() {
        try (FakeFasFixture f = new FakeFasFixture()) {
            assertThat(f.login(f.provider(), "citizen", DigitalKey.EID).notAfter()).isEmpty();
        }
    }
}
