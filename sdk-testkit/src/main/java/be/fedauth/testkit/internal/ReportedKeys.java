package be.fedauth.testkit.internal;

import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.DigitalKey;

import java.util.Optional;

/**
 * What the fake reports for a key whose FAS level and wire value are not public. MyGov.be (a federal
 * login key since October 2025) has no published level or {@code amr}: the fake assumes level 450 (an
 * app with a QR code and a PIN, as itsme) and reports it as {@code urn:be:fedict:iam:fas:mygov:Level450},
 * a FAS level URN that fedauth's vocabulary does not list, so that a relying party sees the path FAS
 * takes when it adds a key: an unnamed key accepted by its level, with a notice. Every other key is
 * reported by its own level.
 */
public final class ReportedKeys {
    /** The level the fake assumes for MyGov.be (not public). */
    static final AssuranceLevel MYGOV_LEVEL = AssuranceLevel.LEVEL_450;

    private ReportedKeys() {
    }

    /** The level a login with {@code key} reaches at the fake. */
    public static AssuranceLevel level(DigitalKey key) {
        return key == DigitalKey.MYGOV ? MYGOV_LEVEL : key.level();
    }

    /** Whether a login with {@code key} meets a request for {@code minimum} at the fake. */
    public static boolean satisfies(DigitalKey key, AssuranceLevel minimum) {
        return level(key).isAtLeast(minimum);
    }

    /** The level URN the fake puts in {@code amr} or the class ref for a key fedauth's vocabulary does not list. */
    public static Optional<String> unlistedLevelUrn(DigitalKey key) {
        return key == DigitalKey.MYGOV
                ? Optional.of("urn:be:fedict:iam:fas:mygov:Level" + MYGOV_LEVEL.value()) : Optional.empty();
    }
}
