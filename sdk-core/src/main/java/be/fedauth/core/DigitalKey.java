package be.fedauth.core;

import java.util.Objects;

/**
 * The ways a user proves who they are to the federal login, each with the level it gives.
 *
 * <p>The customs registration page lists eID, itsme, username + password + token and username +
 * password + mobile app; FAS adds the e-mail or SMS code and the foreign eID through the Belgian eIDAS
 * node; NCTS users came from the social-security login. The token was retired as a key on
 * 31/01/2024 (see {@link KeyRetirement#TOKEN}).
 */
public enum DigitalKey {
    /** Belgian eID card with a card reader. */
    EID(AssuranceLevel.LEVEL_500),
    /** The itsme app. */
    ITSME(AssuranceLevel.LEVEL_450),
    /** Username, password and a security code from a mobile app (TOTP). */
    PASSWORD_MOBILE_APP(AssuranceLevel.LEVEL_400),
    /** Username, password and a security code sent by e-mail or SMS. */
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
     * A key the identity provider did not name, where the level it reported belongs to no active key
     * (for example a bare level 300 after the token's retirement, or a key FAS added later). Never
     * requested or offered; {@link AuthenticatedUser#level()} says what the login reached, and this
     * constant's own {@link #level()} is only the lowest level.
     */
    UNNAMED(AssuranceLevel.LEVEL_100);

    private final AssuranceLevel level;

    DigitalKey(AssuranceLevel level) {
        this.level = level;
    }

    /** The level a login with this key achieves. */
    public AssuranceLevel level() {
        return level;
    }

    /**
     * Whether a login that reports only a level may be shown as made with this key: every key a
     * Belgian user can own at FAS, not the foreign eID, the social-security login or {@link #UNNAMED}.
     */
    public boolean isNominal() {
        return this != FOREIGN_EID && this != SOCIAL_SECURITY && this != UNNAMED;
    }

    /** Whether this key satisfies a request for {@code minimum}. */
    public boolean satisfies(AssuranceLevel minimum) {
        return level.isAtLeast(Objects.requireNonNull(minimum, "minimum"));
    }
}
