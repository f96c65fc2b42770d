package be.fedauth.testkit.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.fedauth.core.AuthenticationException;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.LoginRequest;
import be.fedauth.saml.SamlProvider;
import be.fedauth.testkit.SamlAttack;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every one-shot SAML attack of the fake is refused by the SDK's provider with the right error code. */
class SamlAttackAgainstFakeFasTest {
    private static SamlHarness plain;
    private static SamlHarness encrypting;

    @BeforeAll
    static void start() {
        plain = new SamlHarness(Instant.parse("2026-03-02T10:00:00Z"), false);
        encrypting = new SamlHarness(Instant.parse("2026-03-02T10:00:00Z"), true);
    }

    @AfterAll
    static void stop() {
        plain.close();
        encrypting.close();
    }

    @ParameterizedTest
    @EnumSource(SamlAttack.class)
    void finishLogin_attackFromTheFake_failsWithItsErrorCode(SamlAttack attack) {
        SamlHarness harness = attack == SamlAttack.ENCRYPTED_UNSIGNED_INSIDE ? encrypting : plain;
        SamlProvider provider = harness.fasProvider(b -> b);
        if (attack == SamlAttack.REPLAYED_ASSERTION) {
            harness.login(provider, LoginRequest.builder().build(), "citizen", DigitalKey.EID);
        }
        harness.fas.queueAttack(attack);

        assertThatThrownBy(() -> harness.login(provider, LoginRequest.builder().build(), "citizen", DigitalKey.EID))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.code()).isEqualTo(expected(attack)));
    }

    @Test
    void finishLogin_afterAnAttack_theFakeBehavesAgain() {
        SamlProvider provider = plain.fasProvider(b -> b);
        plain.fas.queueAttack(SamlAttack.WRONG_AUDIENCE);
        assertThatThrownBy(() -> plain.login(provider, LoginRequest.builder().build(), "citizen", DigitalKey.EID))
                .isInstanceOf(AuthenticationException.class);

        assertThat(plain.login(provider, LoginRequest.builder().build(), "citizen", DigitalKey.EID).key())
                .isEqualTo(DigitalKey.EID);
    }

    private static ErrorCode expected(SamlAttack attack) {
        return switch (attack) {
            case UNSIGNED_ASSERTION, UNSIGNED_ASSERTION_IN_SIGNED_RESPONSE, ENCRYPTED_UNSIGNED_INSIDE -> ErrorCode.UNSIGNED_ASSERTION;
            case BAD_SIGNATURE, SIGNED_BY_KEYINFO_CERTIFICATE -> ErrorCode.INVALID_SIGNATURE;
            case SHA1_SIGNATURE -> ErrorCode.UNSUPPORTED_ALGORITHM;
            case XML_SIGNATURE_WRAPPING, TWO_ASSERTIONS, COMMENT_IN_NAMEID, BEARER_CONFIRMATION_WITH_NOT_BEFORE,
                 SAME_ATTRIBUTE_TWICE -> ErrorCode.MALFORMED_RESPONSE;
            case ISSUED_TOO_LONG_AGO -> ErrorCode.TOKEN_EXPIRED;
            case SIGNED_RESPONSE_WITHOUT_ISSUER -> ErrorCode.ISSUER_MISMATCH;
            case WRONG_AUDIENCE -> ErrorCode.AUDIENCE_MISMATCH;
            case WRONG_DESTINATION -> ErrorCode.DESTINATION_MISMATCH;
            case WRONG_RECIPIENT -> ErrorCode.RECIPIENT_MISMATCH;
            case WRONG_ISSUER -> ErrorCode.ISSUER_MISMATCH;
            case WRONG_IN_RESPONSE_TO -> ErrorCode.IN_RESPONSE_TO_MISMATCH;
            case EXPIRED -> ErrorCode.TOKEN_EXPIRED;
            case NOT_YET_VALID -> ErrorCode.TOKEN_NOT_YET_VALID;
            case REPLAYED_ASSERTION -> ErrorCode.REPLAY_DETECTED;
        };
    }
}
