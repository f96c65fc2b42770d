package be.fedauth.core;

import java.util.Objects;

/**
 * One ordered scale of assurance: the FAS levels 100 to 500, each with its eIDAS level. A login
 * whose achieved level is below the requested one fails with {@link ErrorCode#LEVEL_TOO_LOW}.
 */
public enum AssuranceLevel {
    /** Self-registered (weak) profile. */
    LEVEL_100(100, EidasLevel.LOW),
    /** Username and password. */
    LEVEL_200(200, EidasLevel.LOW),
    /** Username, password and token. */
    LEVEL_300(300, EidasLevel.SUBSTANTIAL),
    /** Username, password and a code by e-mail or SMS. */
    LEVEL_350(350, EidasLevel.SUBSTANTIAL),
    /** Username, password and a code from a mobile app. */
    LEVEL_400(400, EidasLevel.SUBSTANTIAL),
    /** itsme. */
    LEVEL_450(450, EidasLevel.HIGH),
    /** eID card with a reader. */
    LEVEL_500(500, EidasLevel.HIGH);

    private final int value;
    private final EidasLevel eidas;

    AssuranceLevel(int value, EidasLevel eidas) {
        this.value = value;
        this.eidas = eidas;
    }

    /** The FAS number of this level (100 to 500). */
    public int value() {
        return value;
    }

    /** The eIDAS level this FAS level corresponds to. */
    public EidasLevel eidas() {
        return eidas;
    }

    /** Whether this level satisfies a request for {@code minimum}. */
    public boolean isAtLeast(AssuranceLevel minimum) {
        return value >= Objects.requireNonNull(minimum, "minimum").value;
    }

    /** The level with this FAS number. */
    public static AssuranceLevel ofValue(int value) {
        for (AssuranceLevel level : values()) {
            if (level.value == value) {
                return level;
            }
        }
        throw new IllegalArgumentException("no FAS level " + value);
    }

    /** The lowest FAS level that gives this eIDAS level. */
    public static AssuranceLevel lowestFor(EidasLevel eidas) {
        for (AssuranceLevel level : values()) {
            if (level.eidas == eidas) {
                return level;
            }
        }
        throw new IllegalArgumentException(String.valueOf(eidas));
    }
}
