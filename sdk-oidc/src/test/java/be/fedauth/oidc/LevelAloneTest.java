package be.fedauth.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.AuthenticatedUser;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.LoginRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A level alone is never read as a particular key (the level-300 trap): FAS over OIDC reports only the
 * level in {@code amr}, so a level-300 login after the token's retirement is an unnamed key at level
 * 300, accepted, never {@code key_retired}.
 */
class LevelAloneTest {

    @Test
    void aBareLevel300AfterTheTokensRetirement_isAnUnnamedKeyAtLevel300_notTheRetiredToken() {
        try (FakeFasFixture lenient = new FakeFasFixture(List.of())) {
            AuthenticatedUser user = lenient.login(lenient.provider(), LoginRequest.builder()
                    .minimumLevel(AssuranceLevel.LEVEL_300).build(), "foreigner", DigitalKey.PASSWORD_TOKEN);

            assertThat(user.level()).isEqualTo(AssuranceLevel.LEVEL_300);
            assertThat(user.key()).isEqualTo(DigitalKey.UNNAMED);
        }
    }

    @Test
    void aLevelWithOneActiveKey_isShownAsThatKey() {
        try (FakeFasFixture f = new FakeFasFixture()) {
            AuthenticatedUser user = f.login(f.provider(), "citizen", DigitalKey.ITSME);

            assertThat(user.level()).isEqualTo(AssuranceLevel.LEVEL_450);
            assertThat(user.key()).isEqualTo(DigitalKey.ITSME);
        }
    }
}
