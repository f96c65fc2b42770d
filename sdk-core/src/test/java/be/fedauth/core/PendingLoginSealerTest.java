package be.fedauth.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PendingLoginSealerTest {
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private final SettableClock clock = SettableClock.fixed(T0);
    private final SealingKey key = SealingKey.generate("k1");
    private final PendingLoginSealer sealer = PendingLoginSealer.create(key, clock);

    static PendingLogin fullPendingLogin(Instant now) {
        LoginRequest request = LoginRequest.builder().eService(EService.NCTS).minimumLevel(AssuranceLevel.LEVEL_400)
                .key(DigitalKey.EID).key(DigitalKey.ITSME).language(Language.NL).returnTo("/ncts/declarations").build();
        return PendingLogin.builder(ProviderId.of("fas-oidc"), request, "s".repeat(43), now)
                .nonce("n".repeat(43)).codeVerifier("v".repeat(43)).requestId("_" + "r".repeat(42)).build();
    }

    @Test
    void open_ofSealed_givesBackEveryField() {
        PendingLogin pending = fullPendingLogin(T0);

        assertThat(sealer.open(sealer.seal(pending))).isEqualTo(pending);
    }

    @Test
    void seal_ofFullPendingLogin_isUnder512Bytes() {
        assertThat(sealer.seal(fullPendingLogin(T0)).length()).isLessThan(512);
    }

    @Test
    void seal_twice_givesDifferentValues() {
        PendingLogin pending = fullPendingLogin(T0);

        assertThat(sealer.seal(pending)).isNotEqualTo(sealer.seal(pending));
    }

    @Test
    void open_withAnyByteChanged_failsWithPendingLoginInvalidOrUnknownKey() {
        byte[] raw = Base64.getUrlDecoder().decode(sealer.seal(fullPendingLogin(T0)));
        int keyIdEnd = 2 + key.id().length();
        for (int i = 0; i < raw.length; i++) {
            byte[] changed = raw.clone();
            changed[i] ^= 0x01;
            String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(changed);
            // A changed key id (or its length) names a key that is not configured; any other byte breaks the format or the tag.
            ErrorCode expected = i >= 1 && i < keyIdEnd ? ErrorCode.PENDING_LOGIN_UNKNOWN_KEY : ErrorCode.PENDING_LOGIN_INVALID;
            assertThatThrownBy(() -> sealer.open(tampered))
                    .as("byte %d", i)
                    .isInstanceOf(AuthenticationException.class)
                    .extracting(e -> ((FedAuthException) e).code()).isEqualTo(expected);
        }
    }

    @Test
    void open_withKeyIdOfAnotherConfiguredKey_failsWithPendingLoginInvalid() {
        SealingKey other = SealingKey.generate("k2");
        PendingLoginSealer both = PendingLoginSealer.create(key, List.of(other), clock);
        byte[] raw = Base64.getUrlDecoder().decode(both.seal(fullPendingLogin(T0)));
        raw[3] = '2'; // "k1" becomes "k2": the key exists, but the AAD and the key no longer match the ciphertext.
        String swapped = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);

        assertThatThrownBy(() -> both.open(swapped))
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.PENDING_LOGIN_INVALID);
    }

    enum Garbage {
        EMPTY(""), NOT_BASE64("***"), TRUNCATED_HEADER("AQ"), TRUNCATED_BODY(null), WRONG_VERSION("Ag" + "A".repeat(60)),
        TOO_LONG("A".repeat(5000));

        final String value;

        Garbage(String value) {
            this.value = value;
        }
    }

    @ParameterizedTest
    @EnumSource(Garbage.class)
    void open_ofGarbage_failsWithPendingLoginInvalid(Garbage garbage) {
        String sealed = sealer.seal(fullPendingLogin(T0));
        String input = garbage.value != null ? garbage.value : sealed.substring(0, sealed.length() / 2);

        assertThatThrownBy(() -> sealer.open(input))
                .isInstanceOf(AuthenticationException.class)
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.PENDING_LOGIN_INVALID);
    }

    @Test
    void open_sealedWithAnotherKeyOfTheSameId_failsWithPendingLoginInvalid() {
        PendingLoginSealer foreign = PendingLoginSealer.create(SealingKey.generate("k1"), clock);

        assertThatThrownBy(() -> sealer.open(foreign.seal(fullPendingLogin(T0))))
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.PENDING_LOGIN_INVALID);
    }

    @Test
    void open_sealedWithUnknownKeyId_failsWithPendingLoginUnknownKey() {
        PendingLoginSealer foreign = PendingLoginSealer.create(SealingKey.generate("other"), clock);

        assertThatThrownBy(() -> sealer.open(foreign.seal(fullPendingLogin(T0))))
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.PENDING_LOGIN_UNKNOWN_KEY);
    }

    @Test
    void open_atExpiry_failsWithPendingLoginExpired() {
        String sealed = sealer.seal(fullPendingLogin(T0));
        clock.set(T0.plus(PendingLogin.DEFAULT_LIFETIME).minusSeconds(1));
        assertThat(sealer.open(sealed).provider()).isEqualTo(ProviderId.of("fas-oidc"));

        clock.set(T0.plus(PendingLogin.DEFAULT_LIFETIME));
        assertThatThrownBy(() -> sealer.open(sealed))
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.PENDING_LOGIN_EXPIRED);
    }

    @Test
    void open_afterRotation_acceptsTheOldKeyAndSealsWithTheNew() {
        SealingKey next = SealingKey.generate("k2");
        String oldSealed = sealer.seal(fullPendingLogin(T0));
        PendingLoginSealer rotated = PendingLoginSealer.create(next, List.of(key), clock);

        assertThat(rotated.open(oldSealed)).isEqualTo(fullPendingLogin(T0));
        assertThatThrownBy(() -> sealer.open(rotated.seal(fullPendingLogin(T0))))
                .extracting(e -> ((FedAuthException) e).code()).isEqualTo(ErrorCode.PENDING_LOGIN_UNKNOWN_KEY);
    }

    @Test
    void create_withTwoKeysOfOneId_failsWithConfigurationException() {
        assertThatThrownBy(() -> PendingLoginSealer.create(key, List.of(SealingKey.generate("k1")), clock))
                .isInstanceOf(ConfigurationException.class);
    }

    @Test
    void sealingKey_ofWrongLength_failsAndToStringHidesTheKey() {
        assertThatThrownBy(() -> SealingKey.of("k", new byte[16])).isInstanceOf(ConfigurationException.class);
        String base64 = Base64.getEncoder().encodeToString(new byte[32]);
        assertThat(SealingKey.fromBase64("k", base64).toString()).doesNotContain(base64).contains("k");
    }

    @Test
    void pendingLogin_toString_hidesStateNonceAndVerifier() {
        String text = fullPendingLogin(T0).toString();

        assertThat(text).doesNotContain("sss").doesNotContain("nnn").doesNotContain("vvv");
    }

    @Test
    void pendingLogin_lifetimeOverOneHour_isRefused() {
        assertThatThrownBy(() -> PendingLogin.builder(ProviderId.of("p1"), LoginRequest.builder().build(), "s", T0)
                .lifetime(Duration.ofHours(2))).isInstanceOf(ConfigurationException.class);
    }
}
