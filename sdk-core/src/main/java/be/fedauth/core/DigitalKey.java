package be.fedauth.core;

import java.util.Objects;

/**
 * The ways a user proves who they are to the federal login, each with the level it gives.
 *
 * <p>The customs registration page lists eID, itsme, username + password + token and username +
 * password + mobile app; FAS adds the e-mail or SMS code and the foreign eID through the Belgian eIDAS
 * node; NCTS users came from the social-security login. Since then FAS names its keys e-mail code,
 * SMS code and app code, retired the token and the CSAM login with a commercial certificate, and added
 * MyGov.be. When each key is active, deprecated or retired is data, not code: see {@link Timeline}.
 *
 * <p>New constants are only ever added at the end (sealed pending logins store keys by position).
 */
public enum DigitalKey {
    /** Belgian eID card with a card reader. */
    EID(AssuranceLevel.LEVEL_500),
    /** The itsme app. */
    ITSME(AssuranceLevel.LEVEL_450),
    /** Username, password and a security code from a mobile app (TOTP): FAS's "app code". */
    PASSWORD_MOBILE_APP(AssuranceLevel.LEVEL_400),
    /** Username, password and a security code sent by e-mail: FAS's "e-mail code" (the SMS code is {@link #PASSWORD_SMS_CODE}). */
    PASSWORD_EMAIL_CODE(AssuranceLevel.LEVEL_350),
    /** Username, password and a code from the paper token of 24 codes; the only key for foreigners. */
    PASSWORD_TOKEN(AssuranceLevel.LEVEL_300),
    /** Username and password alone. */
    PASSWORD(AssuranceLevel.LEVEL_200),
    /** A recognised foreign eID, through the Belgian eIDAS node (notified at substantial or high). */
    FOREIGN_EID(AssuranceLevel.LEVEL_400),
    /** The legacy social-security login (username, password and token of the social-security portal). */
    SOCIAL_SECURITY(AssuranceLevel.LEVEL_300),
    /**
     * A key the identity provider did not name: it reported a level only (a level alone is never
     * turned into a key, so a bare level 300 is not the retired token), or a method word fedauth does
     * not know (a key FAS added later). Never
     * requested or offered; {@link AuthenticatedUser#level()} says what the login reached, and this
     * constant's own {@link #level()} is only the lowest level.
     */
    UNNAMED(AssuranceLevel.LEVEL_100),
    /**
     * Username, password and a security code sent by SMS: FAS's "SMS code". Level 350 is an inference.
     */
    PASSWORD_SMS_CODE(AssuranceLevel.LEVEL_350),
    /**
     * The MyGov.be app (QR code, then a PIN), a federal login key since October 2025. Its FAS level and
     * {@code amr} value are not public: FAS reports it in words fedauth may not know, and such a login
     * is accepted by the level it reports, as {@link #UNNAMED}. Never requested by key;
     * {@link #isLevelKnown()} is false and {@link #level()} is only the lowest level.
     */
    MYGOV(AssuranceLevel.LEVEL_100, false),
    /**
     * The CSAM login with a commercial certificate, ended on 31/01/2024 (see the {@link Timeline}). Its
     * level is not public: {@link #isLevelKnown()} is false and {@link #level()} is only the lowest level.
     */
    COMMERCIAL_CERTIFICATE(AssuranceLevel.LEVEL_100, false);

    private final AssuranceLevel level;
    private final boolean levelKnown;

    DigitalKey(AssuranceLevel level) {
        this(level, true);
    }

    DigitalKey(AssuranceLevel level, boolean levelKnown) {
        this.level = level;
        this.levelKnown = levelKnown;
    }

    /** The level a login with this key achieves; the lowest level when {@link #isLevelKnown()} is false. */
    public AssuranceLevel level() {
        return level;
    }

    /** Whether fedauth knows this key's FAS level (false for {@link #UNNAMED}, {@link #MYGOV}, {@link #COMMERCIAL_CERTIFICATE}). */
    public boolean isLevelKnown() {
        return levelKnown && this != UNNAMED;
    }

    /** Whether this key satisfies a request for {@code minimum}. */
    public boolean satisfies(AssuranceLevel minimum) {
        return level.isAtLeast(Objects.requireNonNull(minimum, "minimum"));
    }
}
