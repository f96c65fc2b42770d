package be.fedauth.redis;

import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.Language;
import be.fedauth.core.PendingLogin;
import be.fedauth.core.PendingLoginSealer;
import be.fedauth.core.ProviderId;
import be.fedauth.core.SealingKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Pending logins and sealers for the tests. */
final class Logins {
    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    static final SealingKey KEY = SealingKey.of("k2026", bytes(7));

    private Logins() {
    }

    /** A pending login with recognisable secrets, created at {@code now}, living {@code lifetime}. */
    static PendingLogin pending(String state, Instant now, Duration lifetime) {
        return new PendingLogin(ProviderId.of("fas-oidc"), state, Optional.of("nonce-" + state),
                Optional.of("verifier-" + state), Optional.empty(), Optional.of(AssuranceLevel.LEVEL_400),
                Set.of(DigitalKey.EID, DigitalKey.ITSME), Optional.of("emcs"), Optional.of("/declarations"),
                Language.NL, now, now.plus(lifetime));
    }

    static PendingLogin pending(String state, Instant now) {
        return pending(state, now, PendingLogin.DEFAULT_LIFETIME);
    }

    static PendingLoginSealer sealer(Clock clock) {
        return PendingLoginSealer.create(KEY, clock);
    }

    static byte[] bytes(int seed) {
        byte[] b = new byte[32];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (seed * 31 + i);
        }
        return b;
    }
}
