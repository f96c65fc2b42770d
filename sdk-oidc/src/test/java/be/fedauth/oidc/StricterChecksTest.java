package be.fedauth.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.fedauth.core.AuthenticatedUser;
import be.fedauth.core.ConfigurationException;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.FedAuthException;
import be.fedauth.core.IdpUnavailableException;
import be.fedauth.testkit.Endpoint;
import be.fedauth.testkit.OidcAttack;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 points 9 (OIDC) and 11: the ID token's key, type and age, the JWKS cache against sets
 * without usable keys, and what userinfo may say about who the user is; against the fake FAS.
 */
class StricterChecksTest {
    private final FakeFasFixture f = new FakeFasFixture();

    @AfterEach
    void stop() {
        f.close();
    }

    private ErrorCode attacked(OidcAttack attack) {
        OidcProvider provider = f.provider();
        f.fas.queueAttack(attack);
        try {
            f.login(provider, "citizen", DigitalKey.EID);
        } catch (FedAuthException e) {
            return e.code();
        }
        throw new AssertionError(attack + " was accepted");
    }

    @Test
    void point9_idTokenSignedByAKeyPublishedWithKeyOpsWithoutVerify_isRefused() {
        assertThat(attacked(OidcAttack.KEY_OPS_WITHOUT_VERIFY)).isEqualTo(ErrorCode.INVALID_SIGNATURE);
    }

    @Test
    void point9_idTokenSignedByAKeyPublishedForEncryption_isRefused() {
        assertThat(attacked(OidcAttack.KEY_USE_ENC)).isEqualTo(ErrorCode.INVALID_SIGNATURE);
    }

    @Test
    void point9_idTokenWithTypAtJwt_isRefusedAsTokenTypeMismatch() {
        assertThat(attacked(OidcAttack.TYP_AT_JWT)).isEqualTo(ErrorCode.TOKEN_TYPE_MISMATCH);
    }

    @Test
    void point9_idTokenIssuedAnHourAgo_isRefusedAsExpired_althoughItsExpIsAhead() {
        assertThat(attacked(OidcAttack.IAT_TOO_OLD)).isEqualTo(ErrorCode.TOKEN_EXPIRED);
    }

    @Test
    void point9_idTokenIssuedAnHourAgo_isAccepted_withAMaximumAgeOfTwoHours() {
        f.fas.queueAttack(OidcAttack.IAT_TOO_OLD);

        assertThat(f.login(f.provider(b -> b.maxTokenAge(Duration.ofHours(2))), "citizen", DigitalKey.EID).key())
                .isEqualTo(DigitalKey.EID);
    }

    @Test
    void point9_maximumTokenAge_isValidated() {
        assertThatThrownBy(() -> f.settings().maxTokenAge(Duration.ofSeconds(30)).build())
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> f.settings().maxTokenAge(Duration.ofDays(2)).build())
                .isInstanceOf(ConfigurationException.class);
        assertThat(f.settings().build().maxTokenAge()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void point9_jwksRefetchWithoutKeys_neverReplacesTheCachedGoodSet() {
        OidcProvider provider = f.provider();
        f.login(provider, "citizen", DigitalKey.EID);
        f.fas.queueAttack(OidcAttack.UNKNOWN_KID); // Forces a refetch...
        f.fas.queueAttack(OidcAttack.JWKS_EMPTY); // ...which answers an empty set.

        assertThatThrownBy(() -> f.login(provider, "citizen", DigitalKey.EID)).isInstanceOf(IdpUnavailableException.class)
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.IDP_INVALID_RESPONSE);
        int fetches = f.fas.recordedRequests(Endpoint.OIDC_JWKS).size();

        assertThat(f.login(provider, "citizen", DigitalKey.EID).key()).isEqualTo(DigitalKey.EID);
        assertThat(f.fas.recordedRequests(Endpoint.OIDC_JWKS)).hasSize(fetches); // The good set was still cached.
    }

    @Test
    void point9_jwksRefetchWithOnlyEncryptionKeys_neverReplacesTheCachedGoodSet() {
        OidcProvider provider = f.provider();
        f.login(provider, "citizen", DigitalKey.EID);
        f.fas.queueAttack(OidcAttack.UNKNOWN_KID);
        f.fas.queueAttack(OidcAttack.JWKS_ENCRYPTION_KEYS_ONLY);

        assertThatThrownBy(() -> f.login(provider, "citizen", DigitalKey.EID))
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.IDP_INVALID_RESPONSE);

        assertThat(f.login(provider, "citizen", DigitalKey.EID).key()).isEqualTo(DigitalKey.EID);
    }

    @Test
    void point11_plainJsonUserinfo_neverSetsTheNationalNumberOrTheFederalId() {
        f.fas.queueAttack(OidcAttack.USERINFO_PLAIN_JSON_OTHER_IDENTITY);

        AuthenticatedUser user = f.login(f.provider(), "citizen", DigitalKey.EID);

        assertThat(user.identity().nationalNumber()).isEmpty();
        assertThat(user.identity().federalId()).isEmpty();
        assertThat(user.identity().familyName()).isEqualTo("Peeters"); // Profile claims still count.
    }

    @Test
    void point11_signedUserinfoWithoutAud_isRefused() {
        assertThat(attacked(OidcAttack.USERINFO_AUDIENCE_MISSING)).isEqualTo(ErrorCode.AUDIENCE_MISMATCH);
    }

    @Test
    void point11_signedUserinfoIssuedAnHourAgo_isRefused() {
        assertThat(attacked(OidcAttack.USERINFO_IAT_TOO_OLD)).isEqualTo(ErrorCode.TOKEN_EXPIRED);
    }
}
